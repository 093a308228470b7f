#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;
class QDoubleSpinBox;
class QComboBox;

namespace roofline {

// File → Export…: where, and at what size. The format follows the file's extension.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const QString &path, const QSize &size, double scale, bool dark, QWidget *parent = nullptr);

    QString path() const;
    QSize size() const;
    double scale() const;
    bool dark() const;

private:
    void browse();

    QLineEdit *m_path;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QDoubleSpinBox *m_scale;
    QComboBox *m_style;
};

} // namespace roofline
