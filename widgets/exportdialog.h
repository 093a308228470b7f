#pragma once

#include <QDialog>

#include <functional>

class QLineEdit;
class QSpinBox;
class QDoubleSpinBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace roofline {

// File → Export…: where, and at what size. The format follows the file's extension. Save is enabled only for
// what can be exported (exportSizeProblem, the command line's check); a note says what the PNG will be, or why
// it cannot be made.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const QString &path, const QSize &size, double scale, bool dark, QWidget *parent = nullptr);

    QString path() const;
    QSize size() const;
    double scale() const;
    bool dark() const;

    // What Save does once the checks pass: writes the chart and returns an error, or nothing. On an error the
    // dialog stays open with the error in its note, for the path or the size to be corrected.
    void setWriter(std::function<QString()> write) { m_write = std::move(write); }

    void accept() override;

private:
    void browse();
    // Why the export cannot be made as it stands; empty if it can.
    QString problem() const;
    void updateNote();

    QLineEdit *m_path;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QDoubleSpinBox *m_scale;
    QComboBox *m_style;
    QLabel *m_note;
    QPushButton *m_save;
    QString m_confirmedPath; // chosen in Browse…'s file dialog, which confirmed replacing it
    std::function<QString()> m_write;
};

} // namespace roofline
