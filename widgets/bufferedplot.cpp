#include "bufferedplot.h"

#include <QPicture>

#include <memory>

namespace roofline {

namespace {

// The frame: grid, axes, roofs, legend. Opaque, so putting it on screen is a plain copy.
class OpaqueImageBuffer : public QCPAbstractPaintBuffer
{
public:
    OpaqueImageBuffer(const QSize &size, double devicePixelRatio, std::shared_ptr<const QColor> unpainted)
        : QCPAbstractPaintBuffer(size, devicePixelRatio)
        , m_unpainted(std::move(unpainted))
    {
        OpaqueImageBuffer::reallocateBuffer();
    }
    QCPPainter *startPainting() override { return new QCPPainter(&m_image); }
    void draw(QCPPainter *painter) const override
    {
        if (painter && painter->isActive())
            painter->drawImage(QPointF(0, 0), m_image);
    }
    // Only an opaque clear is done: QCustomPlot clears with transparent before each full replot, and
    // the canvas's bottom layer paints every pixel anyway (its background), so that fill would be wasted.
    void clear(const QColor &color) override
    {
        if (color.alpha() == 255)
            m_image.fill(color);
    }

protected:
    void reallocateBuffer() override
    {
        setInvalidated(); // a new image holds nothing yet: only a full replot may follow
        const QSize pixels = (QSizeF(mSize) * mDevicePixelRatio).toSize();
        m_image = QImage(pixels.expandedTo(QSize(1, 1)), QImage::Format_RGB32);
        m_image.setDevicePixelRatio(mDevicePixelRatio);
        m_image.fill(*m_unpainted); // shown if the screen is painted before the replot (a resize)
    }

private:
    QImage m_image;
    std::shared_ptr<const QColor> m_unpainted;
};

// The top layer: what a step changes. Recorded, then rasterised straight onto the screen.
class RecordedBuffer : public QCPAbstractPaintBuffer
{
public:
    RecordedBuffer(const QSize &size, double devicePixelRatio)
        : QCPAbstractPaintBuffer(size, devicePixelRatio)
    {
    }
    // A new recording truncates the last one but keeps its storage: a step allocates nothing here.
    QCPPainter *startPainting() override
    {
        m_empty = false;
        return new QCPPainter(&m_picture);
    }
    void draw(QCPPainter *painter) const override
    {
        if (painter && painter->isActive() && !m_empty)
            painter->drawPicture(QPointF(0, 0), m_picture);
    }
    void clear(const QColor &) override { m_empty = true; }

protected:
    void reallocateBuffer() override
    {
        setInvalidated();
        m_empty = true;
    }

private:
    QPicture m_picture;
    bool m_empty = true;
};

} // namespace

BufferedPlot::BufferedPlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_unpainted(std::make_shared<QColor>(Qt::white))
{
}

void BufferedPlot::setUnpaintedColor(const QColor &color)
{
    *m_unpainted = color; // QCustomPlot's own background stays off: the buffers cover every pixel
}

bool BufferedPlot::useRecordedTopLayer()
{
    const int count = layerCount();
    bool usable = count >= 2 && layer(count - 1)->mode() == QCPLayer::lmBuffered;
    for (int i = 0; usable && i < count - 1; ++i)
        usable = layer(i)->mode() == QCPLayer::lmLogical;
    // setupPaintBuffers() keeps buffers that already exist and hands them to the layers; with none, it
    // creates QCustomPlot's own. Either way they start invalidated, so the next replot is a full one.
    mPaintBuffers.clear();
    if (usable) {
        const QSize size = viewport().size();
        mPaintBuffers.append(QSharedPointer<QCPAbstractPaintBuffer>(new OpaqueImageBuffer(size, bufferDevicePixelRatio(), m_unpainted)));
        mPaintBuffers.append(QSharedPointer<QCPAbstractPaintBuffer>(new RecordedBuffer(size, bufferDevicePixelRatio())));
    }
    setupPaintBuffers();
    return usable;
}

} // namespace roofline
