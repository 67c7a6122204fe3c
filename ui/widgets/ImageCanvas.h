#pragma once
// One image drawn as large as fits, aspect kept and pixels crisp (mosaics of
// decodes or filters).
#include <QImage>
#include <QWidget>

namespace aelab::ui {

class ImageCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ImageCanvas(QWidget* parent = nullptr);
    void setImage(const QImage& image);
    const QImage& image() const { return m_image; }
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
};

} // namespace aelab::ui
