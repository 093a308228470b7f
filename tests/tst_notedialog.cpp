#include "testutil.h"

#include "notedialog.h"

#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace roofline;

// The note dialog: several lines of text; Enter is a new line, Ctrl+Enter (either Enter key) adds the note.
class TestNoteDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enterIsANewLineAndCtrlEnterAdds()
    {
        NoteDialog dialog;
        dialog.show();
        auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("noteText"));
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("two"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, QStringLiteral("lines"));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.text(), QStringLiteral("two\nlines"));
        QTest::keyClick(edit, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.text(), QStringLiteral("two\nlines"));
    }

    void aBlankNoteCannotBeAdded()
    {
        NoteDialog dialog;
        dialog.show();
        auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("noteText"));
        QPushButton *add = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!add->isEnabled());
        QTest::keyClicks(edit, QStringLiteral("  "));
        QVERIFY(!add->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(dialog.isVisible()); // nothing to add: the dialog stays
        QTest::keyClicks(edit, QStringLiteral("x"));
        QVERIFY(add->isEnabled());
        QCOMPARE(add->text(), QStringLiteral("Add note"));
        QTest::keyClick(edit, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestNoteDialog)
#include "tst_notedialog.moc"
