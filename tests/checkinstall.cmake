# Installs into a scratch prefix and checks that the binary, desktop file, icon and presets land in their
# standard places. Run by CTest: cmake -DBUILD=... -DPREFIX=... -P checkinstall.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f bin/roofline-explorer share/applications/roofline-explorer.desktop
        share/icons/hicolor/scalable/apps/roofline-explorer.svg share/roofline-explorer/presets/gpus.json
        share/roofline-explorer/presets/models/llama-2-13b.json)
    if(NOT EXISTS "${PREFIX}/${f}")
        message(FATAL_ERROR "missing after install: ${f}")
    endif()
endforeach()
file(READ "${PREFIX}/share/applications/roofline-explorer.desktop" desktop)
foreach(key "Exec=roofline-explorer %f" "Icon=roofline-explorer" "Type=Application")
    string(FIND "${desktop}" "${key}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "desktop file lacks ${key}")
    endif()
endforeach()
message(STATUS "install layout ok")
