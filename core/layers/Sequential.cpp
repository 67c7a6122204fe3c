#include "layers/Sequential.h"

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

Matrix Sequential::forward(const Matrix& x)
{
    if (m_layers.empty())
        return x;
    // Each activation goes on to the next layer, which may keep it.
    Matrix h = m_layers.front()->forward(x);
    for (std::size_t i = 1; i < m_layers.size(); ++i)
        h = m_layers[i]->forwardOwned(std::move(h));
    return h;
}

Matrix Sequential::forwardOwned(Matrix&& x)
{
    for (auto& layer : m_layers)
        x = layer->forwardOwned(std::move(x));
    return std::move(x);
}

Matrix Sequential::backward(const Matrix& dy)
{
    if (m_layers.empty())
        return dy;
    Matrix g = m_layers.back()->backward(dy);
    for (auto it = std::next(m_layers.rbegin()); it != m_layers.rend(); ++it)
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
