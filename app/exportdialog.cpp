#include "exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace roofline {

ExportDialog::ExportDialog(const QString &path, const QSize &size, double scale, bool dark, QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(path, this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_scale(new QDoubleSpinBox(this))
    , m_style(new QComboBox(this))
{
    setWindowTitle(tr("Export chart"));
    auto *form = new QFormLayout(this);
    auto *pathRow = new QHBoxLayout;
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    form->addRow(tr("&File (.png, .svg, .pdf)"), pathRow);
    for (QSpinBox *box : { m_width, m_height }) {
        box->setRange(64, 16384);
        box->setSuffix(tr(" px"));
    }
    m_width->setValue(size.width());
    m_height->setValue(size.height());
    form->addRow(tr("&Width"), m_width);
    form->addRow(tr("&Height"), m_height);
    m_scale->setRange(1.0, 4.0);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(scale);
    m_scale->setToolTip(tr("Multiplies a PNG's pixels, for sharp slides"));
    form->addRow(tr("&Scale (PNG)"), m_scale);
    m_style->addItems({ tr("Light (for slides)"), tr("Dark") });
    m_style->setCurrentIndex(dark ? 1 : 0);
    form->addRow(tr("S&tyle"), m_style);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export chart"), m_path->text(),
                                                        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

QSize ExportDialog::size() const
{
    return QSize(m_width->value(), m_height->value());
}

bool ExportDialog::dark() const
{
    return m_style->currentIndex() == 1;
}

double ExportDialog::scale() const
{
    return m_scale->value();
}

} // namespace roofline
