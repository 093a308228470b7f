#include "notedialog.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace roofline {

NoteDialog::NoteDialog(QWidget *parent)
    : QDialog(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add a note"));
    m_edit->setObjectName(QStringLiteral("noteText"));
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    QPushButton *add = m_buttons->button(QDialogButtonBox::Ok);
    add->setText(tr("Add note"));
    add->setToolTip(tr("Ctrl+Enter"));
    add->setEnabled(false);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this, add] { add->setEnabled(!text().trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *hint = new QLabel(tr("The note is placed where you clicked; drag it to move it. Ctrl+Enter adds it."), this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edit);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);
    m_edit->setFocus();
}

QString NoteDialog::text() const
{
    return m_edit->toPlainText();
}

bool NoteDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the text is a new line; with Ctrl it adds the note (when there is one to add).
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
                accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace roofline
