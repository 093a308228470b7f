#pragma once

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;

namespace roofline {

// Asks for a free note's text: several lines, so Enter starts a new line and Ctrl+Enter (or the button) adds
// the note, as in a chat or a commit box. A note of nothing but spaces cannot be added.
class NoteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NoteDialog(QWidget *parent = nullptr);

    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_edit;
    QDialogButtonBox *m_buttons;
};

} // namespace roofline
