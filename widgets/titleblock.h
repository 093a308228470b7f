#pragma once

#include <QFont>
#include <QString>

#include <string>

class QCustomPlot;
class QCPItemText;
class QCPLayer;
class QCPTextElement;

namespace roofline {

class ElidedTextElement;
struct ChartTheme;

// The chart's title and subtitle, above the axes. The title is a row of the plot's layout, shortened with an
// ellipsis when the width is short. The subtitle changes with every slider step, so its text is an item on the
// top layer, broken at its separators into as many lines as the width needs; a row of the layout keeps that
// many lines free.
class TitleBlock
{
public:
    // Inserts the two rows at the top of `plot`'s layout; the subtitle's text is drawn on `top`.
    TitleBlock(QCustomPlot *plot, QCPLayer *top, const ChartTheme &theme);

    void applyTheme();
    // True when the title's text changed (the frame's image is redrawn).
    bool setTitle(const QString &title);
    // Breaks `subtitle` for the row's width (measured again only when the text, the width or the font changed);
    // true when its count of lines differs from the lines its row keeps (then keepRows and lay out again).
    bool wrapSubtitle(const std::string &subtitle);
    void keepRows();
    // Centres the subtitle's text in its row, after a layout.
    void place();

    // As drawn: the title (elided) and the subtitle's lines.
    QString shownTitle() const;
    QString shownSubtitle() const;

private:
    QString rowsNeeded() const;

    ElidedTextElement *m_title;
    QCPTextElement *m_rows; // keeps the subtitle's lines in the layout
    QCPItemText *m_subtitle;
    const ChartTheme &m_theme;
    struct Wrapped {
        std::string text;
        double width = -1.0;
        QFont font;
    };
    Wrapped m_wrappedFor; // what the subtitle's lines were last broken for
};

} // namespace roofline
