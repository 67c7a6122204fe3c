#include "window/SampleSelection.h"

namespace aelab::ui {

void SampleSelection::choose(int sample)
{
    m_sample = sample;
    emit chosen(sample);
}

} // namespace aelab::ui
