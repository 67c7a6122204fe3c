#include "layers/Sequential.h"

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

Matrix Sequential::forward(const Matrix& x)
{
    Matrix h = x;
    for (auto& layer : m_layers)
        h = layer->forward(h);
    return h;
}

Matrix Sequential::backward(const Matrix& dy)
{
    Matrix g = dy;
    for (auto it = m_layers.rbegin(); it != m_layers.rend(); ++it)
        g = (*it)->backward(g);
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

std::string Sequential::describe() const
{
    std::string s;
    for (const auto& layer : m_layers)
        s += (s.empty() ? "" : " -> ") + layer->describe();
    return s;
}

std::unique_ptr<Layer> Sequential::clone() const { return std::make_unique<Sequential>(*this); }

} // namespace aelab
