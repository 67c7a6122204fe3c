#include "layers/Sequential.h"

#include "layers/SampleChain.h"

#include <iterator>
#include <utility>

namespace aelab {

Sequential::Sequential(const Sequential& other)
{
    for (const auto& layer : other.m_layers)
        m_layers.push_back(layer->clone());
}

Sequential& Sequential::operator=(const Sequential& other)
{
    if (this != &other) {
        m_layers.clear();
        for (const auto& layer : other.m_layers)
            m_layers.push_back(layer->clone());
    }
    return *this;
}

Sequential& Sequential::add(std::unique_ptr<Layer> layer)
{
    m_layers.push_back(std::move(layer));
    return *this;
}

std::vector<Sequential::Segment> Sequential::segments() const
{
    // A layer that wants no input gradient (a first layer, on the data) may
    // only begin a chain: the layers before it would get no gradient.
    const auto sampled = [&](std::size_t i) { return dynamic_cast<SampleLayer*>(m_layers[i].get()); };
    std::vector<Segment> out;
    for (std::size_t i = 0; i < m_layers.size();) {
        std::size_t end = i + 1;
        if (sampled(i))
            while (end < m_layers.size() && sampled(end) && sampled(end)->wantsInputGradient())
                ++end;
        out.push_back({i, end});
        i = end;
    }
    return out;
}

std::vector<SampleLayer*> Sequential::chain(const Segment& s) const
{
    std::vector<SampleLayer*> layers;
    for (std::size_t i = s.begin; i < s.end; ++i)
        layers.push_back(dynamic_cast<SampleLayer*>(m_layers[i].get()));
    return layers;
}

Matrix Sequential::forward(const Matrix& x)
{
    if (m_layers.empty())
        return x;
    return forwardFrom(&x, Matrix());
}

Matrix Sequential::forwardOwned(Matrix&& x) { return forwardFrom(nullptr, std::move(x)); }

Matrix Sequential::forwardFrom(const Matrix* borrowed, Matrix&& owned)
{
    // Each activation goes on to the next layer, which may keep it; a chain
    // of sample-by-sample layers runs as one loop (SampleChain.h).
    Matrix h = std::move(owned);
    for (const Segment& s : segments()) {
        const Matrix& in = borrowed ? *borrowed : h;
        if (s.end - s.begin > 1)
            h = chainForward(chain(s), in);
        else if (borrowed)
            h = m_layers[s.begin]->forward(in);
        else
            h = m_layers[s.begin]->forwardOwned(std::move(h));
        borrowed = nullptr;
    }
    return h;
}

Matrix Sequential::backward(const Matrix& dy)
{
    if (m_layers.empty())
        return dy;
    const auto all = segments();
    Matrix g;
    const Matrix* d = &dy;
    for (auto s = all.rbegin(); s != all.rend(); ++s) {
        g = s->end - s->begin > 1 ? chainBackward(chain(*s), *d) : m_layers[s->begin]->backward(*d);
        d = &g;
    }
    return g;
}

std::vector<Parameter> Sequential::parameters()
{
    std::vector<Parameter> all;
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        for (auto p : m_layers[i]->parameters()) {
            p.name = std::to_string(i) + "." + p.name;
            all.push_back(p);
        }
    return all;
}

std::string Sequential::torchModule() const
{
    std::string s = "nn.Sequential(";
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const std::string m = m_layers[i]->torchModule();
        if (m.empty())
            return {};
        s += (i ? ",\n    " : "\n    ") + m;
    }
    return s + ")";
}

std::string Sequential::describe() const
{
    std::string s;
    for (const auto& layer : m_layers)
        s += (s.empty() ? "" : " -> ") + layer->describe();
    return s;
}

std::unique_ptr<Layer> Sequential::clone() const { return std::make_unique<Sequential>(*this); }

} // namespace aelab
