#pragma once

#include <QLabel>

namespace roofline {

// A one-line plain-text label that, when narrower than its text, ends it with "…" instead of cutting it off
// mid-letter (the status bar's hint in a small window). The whole text is its tooltip.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
};

} // namespace roofline
