#pragma once

// QCustomPlot, for code built with QT_NO_FOREACH (all of ours). QCustomPlot 2.1's header uses Qt's `foreach`
// in two inline functions; while it is read, `foreach` is a range-for over a const view of the container, which
// is what those two loops need, and the macro is gone again afterwards, so our own code cannot use it.
// Include this header, never <qcustomplot.h> itself.

#include <utility>

#ifndef foreach
#define foreach(variable, container) for (variable : std::as_const(container)) // NOLINT(bugprone-macro-parentheses): a declaration
#define ROOFLINE_QCP_FOREACH
#endif

#include <qcustomplot.h>

#ifdef ROOFLINE_QCP_FOREACH
#undef foreach
#undef ROOFLINE_QCP_FOREACH
#endif
