#include "text/shaper.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <hb.h>

#include "text/bidi.h"
#include "base/text.h"

namespace chronoatlas::text {
namespace {

// Characters with no ink of their own (joiners, bidi marks, variation selectors): they belong to the run they sit in,
// whatever its face, and HarfBuzz hides them.
bool is_default_ignorable(char32_t c) {
  return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0xFEFF || (c >= 0xE0000 && c <= 0xE0FFF);
}

// C0 and C1 controls (a tab or a newline in a file's name field) are not drawn at all.
bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

bool is_mark(hb_unicode_funcs_t* u, char32_t c) {
  const auto cat = hb_unicode_general_category(u, c);
  return cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || cat == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
         cat == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK;
}

// Each character's script, with Common and Inherited ones (spaces, digits, punctuation, combining marks) given the
// script of the character before them, or at the start the first real script after them.
std::vector<hb_script_t> resolved_scripts(const std::u32string& chars, hb_unicode_funcs_t* u) {
  std::vector<hb_script_t> scripts(chars.size(), HB_SCRIPT_COMMON);
  hb_script_t last = HB_SCRIPT_INVALID;
  for (size_t i = 0; i < chars.size(); ++i) {
    const hb_script_t s = hb_unicode_script(u, chars[i]);
    const bool weak = s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
    if (!weak) last = s;
    scripts[i] = weak ? last : s;
  }
  hb_script_t next = HB_SCRIPT_COMMON;
  for (size_t i = chars.size(); i-- > 0;) {
    if (scripts[i] == HB_SCRIPT_INVALID) scripts[i] = next;
    else next = scripts[i];
  }
  return scripts;
}

// Shapes characters [FROM, TO) of CPS into RUN with FACE, its glyphs starting at PEN_EM, which it advances; widens
// OUT's ink to theirs.
void shape_run(const CodePoints& cps, size_t from, size_t to, hb_script_t script, const Face& face, ShapedRun& run,
               float& pen_em, ShapedText& out) {
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_UNICODE);
  for (size_t i = from; i < to; ++i) hb_buffer_add(buffer, cps.chars[i], static_cast<unsigned>(cps.offsets[i]));
  hb_buffer_set_direction(buffer, run.right_to_left ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, script);
  hb_buffer_guess_segment_properties(buffer);  // the language: the process's default, as hb-shape takes it
  hb_shape(face.hb, buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
  const float per_unit = 1.0f / static_cast<float>(face.units_per_em);
  for (unsigned g = 0; g < count; ++g) {
    ShapedGlyph glyph;
    glyph.id = info[g].codepoint;
    glyph.cluster = info[g].cluster;
    glyph.advance_units = pos[g].x_advance;
    glyph.x_offset_units = pos[g].x_offset;
    glyph.y_offset_units = pos[g].y_offset;
    glyph.x_em = pen_em + static_cast<float>(pos[g].x_offset) * per_unit;
    glyph.y_em = static_cast<float>(pos[g].y_offset) * per_unit;
    hb_glyph_extents_t ink{};
    if (hb_font_get_glyph_extents(face.hb, glyph.id, &ink) && ink.height != 0) {
      out.ink_top_em = std::max(out.ink_top_em, glyph.y_em + static_cast<float>(ink.y_bearing) * per_unit);
      out.ink_bottom_em =
          std::max(out.ink_bottom_em, -(glyph.y_em + static_cast<float>(ink.y_bearing + ink.height) * per_unit));
    }
    pen_em += static_cast<float>(pos[g].x_advance) * per_unit;
    run.glyphs.push_back(glyph);
  }
  hb_buffer_destroy(buffer);
}

}  // namespace

const ShapedText& Shaper::shape(const std::string& utf8, bool bold) {
  const std::string key = (bold ? 'b' : 'r') + utf8;
  if (auto it = index_.find(key); it != index_.end()) {
    kept_.splice(kept_.end(), kept_, it->second);
    return it->second->second;
  }
  if (kept_.size() >= kKept) {
    index_.erase(kept_.front().first);
    kept_.pop_front();
  }
  kept_.emplace_back(key, shape_uncached(utf8, bold));
  index_.emplace(key, std::prev(kept_.end()));
  return kept_.back().second;
}

ShapedText Shaper::shape_uncached(const std::string& utf8, bool bold) {
  const CodePoints cps = decode_utf8(utf8);
  const std::u32string& chars = cps.chars;
  hb_unicode_funcs_t* u = hb_unicode_funcs_get_default();
  const std::vector<uint8_t> levels = embedding_levels(chars);
  const std::vector<hb_script_t> scripts = resolved_scripts(chars, u);
  ShapedText out;

  // The face of each character; -1 leaves it out (a control, or a character no face has).
  std::vector<int> faces(chars.size(), -1);
  for (size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i];
    if (is_control(c)) continue;
    const int preferred = i > 0 && scripts[i] == scripts[i - 1] ? faces[i - 1] : -1;
    if (preferred >= 0 && (is_default_ignorable(c) || (is_mark(u, c) && fonts_.covers(preferred, c)))) {
      faces[i] = preferred;
      continue;
    }
    faces[i] = fonts_.face_for(c, bold, preferred);
    if (faces[i] < 0 && !is_default_ignorable(c)) note_missing(utf8, c), out.missing.push_back(c);
  }

  // Runs of one level, script and face, in logical order.
  std::vector<std::pair<size_t, size_t>> spans;
  std::vector<uint8_t> run_levels;
  for (size_t i = 0; i < chars.size();) {
    if (faces[i] < 0) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < chars.size() && faces[end] == faces[i] && levels[end] == levels[i] && scripts[end] == scripts[i]) ++end;
    spans.emplace_back(i, end);
    run_levels.push_back(levels[i]);
    i = end;
  }

  float pen_em = 0;
  for (size_t r : visual_order(run_levels)) {
    const auto [from, to] = spans[r];
    ShapedRun run;
    run.face = faces[from];
    run.script = static_cast<uint32_t>(scripts[from]);
    run.right_to_left = levels[from] % 2 == 1;
    run.begin = cps.offsets[from];
    run.end = cps.offsets[to];
    shape_run(cps, from, to, scripts[from], fonts_.face(run.face), run, pen_em, out);
    out.runs.push_back(std::move(run));
  }
  out.advance_em = pen_em;
  return out;
}

void Shaper::note_missing(const std::string& utf8, char32_t cp) {
  if (reported_.find(cp) != std::u32string::npos) return;
  reported_.push_back(cp);
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
  warnings_.push_back("no installed font has " + std::string(hex) + " (in \"" + utf8 +
                      "\"): it is left out; installing Debian's fonts-noto-core and fonts-noto-cjk covers most scripts");
}

std::vector<std::string> Shaper::take_warnings() { return std::exchange(warnings_, {}); }

}  // namespace chronoatlas::text
