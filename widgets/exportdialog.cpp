#include "exportdialog.h"

#include "chartexport.h"
#include "inputlimits.h"
#include "session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
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
    , m_note(new QLabel(this))
    , m_save(nullptr)
{
    setWindowTitle(tr("Export chart"));
    auto *form = new QFormLayout(this);
    auto *pathRow = new QHBoxLayout;
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    // Wide enough for a path of some folders (about 48 characters) without scrolling it.
    m_path->setMinimumWidth(m_path->fontMetrics().averageCharWidth() * 48);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    // A label with a buddy: the row's field is a layout, and a plain label text showed its "&" as written.
    auto *fileLabel = new QLabel(tr("&File (%1)").arg(exportSuffixList()), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    m_path->setObjectName(QStringLiteral("path"));
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    m_scale->setObjectName(QStringLiteral("scale"));
    m_note->setObjectName(QStringLiteral("note"));
    for (QSpinBox *box : { m_width, m_height }) {
        box->setRange(int(ExportSideRange.min), int(ExportSideRange.max));
        box->setSuffix(tr(" px"));
    }
    m_width->setValue(size.width());
    m_height->setValue(size.height());
    form->addRow(tr("&Width"), m_width);
    form->addRow(tr("&Height"), m_height);
    m_scale->setRange(ExportScaleRange.min, ExportScaleRange.max);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(scale);
    m_scale->setToolTip(tr("Multiplies a PNG's pixels, for sharp slides"));
    form->addRow(tr("&Scale (PNG)"), m_scale);
    for (const bool darkStyle : ExportStyles) {
        QString name = QString::fromUtf8(exportStyleName(darkStyle).data(), qsizetype(exportStyleName(darkStyle).size()));
        name[0] = name[0].toUpper();
        m_style->addItem(darkStyle ? name : tr("%1 (for slides)").arg(name), darkStyle);
    }
    m_style->setCurrentIndex(m_style->findData(dark));
    form->addRow(tr("S&tyle"), m_style);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    form->addRow(m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateNote);
    connect(m_width, &QSpinBox::valueChanged, this, &ExportDialog::updateNote);
    connect(m_height, &QSpinBox::valueChanged, this, &ExportDialog::updateNote);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateNote);
    updateNote();
}

QString ExportDialog::problem() const
{
    ExportFormat format;
    if (!exportFormatForPath(path(), &format))
        return tr("The file name must end in %1.").arg(exportSuffixList());
    return exportSizeProblem(size(), scale(), format);
}

void ExportDialog::updateNote()
{
    const QString refusal = problem();
    m_save->setEnabled(refusal.isEmpty());
    ExportFormat format;
    if (refusal.isEmpty() && exportFormatForPath(path(), &format) && format == ExportFormat::Png) {
        const QSize pixels = exportPixelSize(size(), scale());
        m_note->setText(tr("The PNG will be %1x%2 pixels.").arg(pixels.width()).arg(pixels.height()));
    } else {
        m_note->setText(refusal);
    }
}

void ExportDialog::accept()
{
    // Reachable without the Save button (Enter in a field, a caller): the same check.
    if (!problem().isEmpty())
        return;
    // A file already there is replaced only when the user says so (the file dialog of Browse… asked already).
    const QString target = path();
    if (QFileInfo::exists(target) && target != m_confirmedPath) {
        QMessageBox box(QMessageBox::Question, tr("Export chart"),
                        tr("%1 already exists. Replace it?").arg(QFileInfo(target).fileName()),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    if (m_write) {
        if (const QString error = m_write(); !error.isEmpty()) {
            m_note->setText(tr("Not exported: %1").arg(error));
            return;
        }
    }
    QDialog::accept();
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export chart"), m_path->text(),
                                                        exportFileFilter());
    if (!chosen.isEmpty()) {
        m_confirmedPath = chosen.trimmed(); // the file dialog asked before replacing it
        m_path->setText(chosen);
    }
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
    return m_style->currentData().toBool();
}

double ExportDialog::scale() const
{
    return m_scale->value();
}

} // namespace roofline
