#include "export/svg_canvas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

namespace chronoatlas::exporting {
namespace {

// A coordinate to a tenth of a pixel, without trailing zeros: a thousandth of a millimetre at print sizes.
std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", std::round(v * 10) / 10);
  std::string s = b;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::string hex(const Rgba& c) {
  auto byte = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
  char b[8];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return b;
}

std::string opacity(const Rgba& c) {
  char b[16];
  std::snprintf(b, sizeof b, "%.3g", std::clamp(c.a, 0.0f, 1.0f));
  return b;
}

// Fill and stroke as presentation attributes.
std::string paint_attributes(const render::Paint& p, bool even_odd) {
  std::string a;
  if (p.fill.a > 0) {
    a += " fill=\"" + hex(p.fill) + "\"";
    if (p.fill.a < 1) a += " fill-opacity=\"" + opacity(p.fill) + "\"";
    if (even_odd) a += " fill-rule=\"evenodd\"";
  } else {
    a += " fill=\"none\"";
  }
  if (p.stroke.a > 0 && p.stroke_width_px > 0) {
    a += " stroke=\"" + hex(p.stroke) + "\" stroke-width=\"" + num(p.stroke_width_px) + "\"";
    if (p.stroke.a < 1) a += " stroke-opacity=\"" + opacity(p.stroke) + "\"";
    a += " stroke-linecap=\"round\" stroke-linejoin=\"round\"";
  }
  return a;
}

}  // namespace

std::string xml_escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;
        out += ch;
    }
  }
  return out;
}

bool complex_script(uint32_t tag) {
  static const char* const kComplex[] = {"Arab", "Hebr", "Syrc", "Thaa", "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml",
                                         "Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Tibt", "Mymr", "Khmr"};
  for (const char* c : kComplex)
    if (tag == (static_cast<uint32_t>(c[0]) << 24 | static_cast<uint32_t>(c[1]) << 16 | static_cast<uint32_t>(c[2]) << 8 |
                static_cast<uint32_t>(c[3])))
      return true;
  return false;
}

SvgCanvas::SvgCanvas(int width_px, int height_px, int dpi, const FigureText& meta, bool outline_complex)
    : outline_complex_(outline_complex) {
  auto size = [&](int px) { return dpi > 0 ? num(px * 25.4 / dpi) + "mm" : std::to_string(px); };
  out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" "
         "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" version=\"1.1\" width=\"" +
         size(width_px) + "\" height=\"" + size(height_px) + "\" viewBox=\"0 0 " + std::to_string(width_px) + " " +
         std::to_string(height_px) + "\" xml:space=\"preserve\" text-rendering=\"geometricPrecision\">\n";
  out_ += "<title>" + xml_escaped(meta.title) + "</title>\n";
  if (!meta.description.empty()) out_ += "<desc>" + xml_escaped(meta.description) + "</desc>\n";
}

void SvgCanvas::indent() { out_.append(static_cast<size_t>(depth_) * 2, ' '); }

// Ids are XML names: letters, digits, '-', '_' and '.', not starting with a digit; repeats get a number.
std::string SvgCanvas::unique_id(const std::string& name) {
  std::string id;
  for (char ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                    ch == '_' || ch == '.';
    id += ok ? ch : '_';
  }
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z') || id[0] == '_'))
    id = "_" + id;
  std::string unique = id;
  for (int n = 2; ids_.count(unique); ++n) unique = id + "-" + std::to_string(n);
  ids_.insert(unique);
  return unique;
}

void SvgCanvas::begin_group(const std::string& name) {
  indent();
  out_ += "<g id=\"" + unique_id(name) + "\" inkscape:label=\"" + xml_escaped(name) + "\"";
  if (depth_ == 0) out_ += " inkscape:groupmode=\"layer\"";
  out_ += ">\n";
  ++depth_;
}

void SvgCanvas::end_group() {
  if (depth_ == 0) return;
  --depth_;
  indent();
  out_ += "</g>\n";
}

void SvgCanvas::path(const render::PathData& p, const render::Paint& paint) {
  std::string d;
  for (size_t k = 0; k + 1 < p.starts.size(); ++k) {
    for (size_t i = p.starts[k]; i < p.starts[k + 1]; ++i) {
      d += (i == p.starts[k] ? (d.empty() ? "M" : " M") : " ");
      d += num(p.points[i].x) + " " + num(p.points[i].y);
    }
    if (p.closed && p.starts[k + 1] > p.starts[k]) d += "Z";
  }
  if (d.empty()) return;
  indent();
  out_ += "<path d=\"" + d + "\"" + paint_attributes(paint, p.closed) + "/>\n";
}

void SvgCanvas::circle(XY c, float r, const render::Paint& paint) {
  indent();
  out_ += "<circle cx=\"" + num(c.x) + "\" cy=\"" + num(c.y) + "\" r=\"" + num(r) + "\"" +
          paint_attributes(paint, false) + "/>\n";
}

void SvgCanvas::text(const render::TextPiece& t, const render::Paint& paint) {
  if (!t.face) return;
  if (outline_complex_ && complex_script(t.script)) return outlined(t, paint);
  char size[32];
  std::snprintf(size, sizeof size, "%.2f", t.size_px);
  // A right-to-left run is set right to left from its right end, so its brackets mirror and its spaces stay inside,
  // as the shaper set them.
  const double x = t.right_to_left ? t.start.x + t.width_px : t.start.x;
  indent();
  out_ += "<text x=\"" + num(x) + "\" y=\"" + num(t.start.y) + "\" font-family=\"" +
          xml_escaped(t.face->postscript_name) + "\" font-size=\"" + size + "\"";
  if (t.right_to_left) out_ += " direction=\"rtl\" unicode-bidi=\"embed\"";
  if (t.face->bold) out_ += " font-weight=\"bold\"";
  out_ += paint_attributes(paint, false) + ">" + xml_escaped(t.text) + "</text>\n";
}

namespace {

// FreeType's outline walk writing SVG path commands, from font units to image pixels.
struct OutlineWriter {
  std::string* d;
  double x, y, per_unit;
  std::string at(const FT_Vector* v) const { return num(x + v->x * per_unit) + " " + num(y - v->y * per_unit); }
};

int move_to(const FT_Vector* to, void* user) {
  auto* w = static_cast<OutlineWriter*>(user);
  *w->d += (w->d->empty() ? "M" : "Z M") + w->at(to);
  return 0;
}
int line_to(const FT_Vector* to, void* user) {
  auto* w = static_cast<OutlineWriter*>(user);
  *w->d += " L" + w->at(to);
  return 0;
}
int conic_to(const FT_Vector* control, const FT_Vector* to, void* user) {
  auto* w = static_cast<OutlineWriter*>(user);
  *w->d += " Q" + w->at(control) + " " + w->at(to);
  return 0;
}
int cubic_to(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* user) {
  auto* w = static_cast<OutlineWriter*>(user);
  *w->d += " C" + w->at(c1) + " " + w->at(c2) + " " + w->at(to);
  return 0;
}

}  // namespace

// The run's glyphs as one path (nonzero fill, as fonts are drawn), the string kept in its <title> for search.
void SvgCanvas::outlined(const render::TextPiece& t, const render::Paint& paint) {
  std::string d;
  const FT_Outline_Funcs funcs{move_to, line_to, conic_to, cubic_to, 0, 0};
  for (size_t i = 0; i < t.glyph_ids.size(); ++i) {
    if (FT_Load_Glyph(t.face->ft, t.glyph_ids[i], FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) continue;
    if (t.face->ft->glyph->format != FT_GLYPH_FORMAT_OUTLINE) continue;
    std::string glyph;
    OutlineWriter w{&glyph, t.glyph_origins[i].x, t.glyph_origins[i].y, t.size_px / t.face->units_per_em};
    FT_Outline_Decompose(&t.face->ft->glyph->outline, &funcs, &w);
    if (!glyph.empty()) d += (d.empty() ? "" : " ") + glyph + "Z";
  }
  if (d.empty()) return;
  render::Paint p = paint;
  indent();
  out_ += "<path d=\"" + d + "\"" + paint_attributes(p, false) + "><title>" + xml_escaped(t.text) + "</title></path>\n";
}

std::string SvgCanvas::finish() {
  while (depth_ > 0) end_group();
  out_ += "</svg>\n";
  return std::move(out_);
}

}  // namespace chronoatlas::exporting
