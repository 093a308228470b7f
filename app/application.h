#pragma once

namespace roofline {

// The whole program: with arguments it runs headless (lists, dumps, exports) and exits; without, it
// opens the window. Exit codes: 0 done, 2 bad input (a flag, a file read),
// 3 an output that could not be written (standard output, the export file).
int runApplication(int argc, char **argv);

} // namespace roofline
