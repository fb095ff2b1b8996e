#include "text/font_set.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb-ot.h>
#include <hb.h>

namespace chronoatlas::text {
namespace {

// The project's typeface in some script: "Noto Sans Arabic", "Noto Sans CJK JP"; not its monospaced or UI cuts.
bool is_noto_sans(const std::string& family) {
  return family.rfind("Noto Sans", 0) == 0 && family.find("Mono") == std::string::npos &&
         family.find(" UI") == std::string::npos;
}

}  // namespace

Result<std::unique_ptr<FontSet>> FontSet::open(const std::string& font_dir) {
  std::unique_ptr<FontSet> set(new FontSet());
  if (FT_Init_FreeType(&set->library_)) return Error{"FreeType could not start"};
  const struct {
    const char* file;
    bool bold;
  } wants[] = {{"NotoSans-Regular.ttf", false},
               {"NotoSans-Bold.ttf", true},
               {"NotoSansArmenian-Regular.ttf", false},
               {"NotoSansArmenian-Bold.ttf", true}};
  for (const auto& w : wants) {
    auto loaded = set->load(font_dir + "/" + w.file, 0, w.bold);
    if (!loaded) return Error{loaded.error()};
  }
  set->primary_ = set->faces_.size();
  return set;
}

FontSet::~FontSet() {
  for (auto& f : faces_) {
    hb_font_destroy(f->hb);
    FT_Done_Face(f->ft);
  }
  if (library_) FT_Done_FreeType(library_);
}

Result<int> FontSet::load(const std::string& path, int index, bool bold) {
  for (size_t i = 0; i < faces_.size(); ++i)
    if (faces_[i]->path == path && faces_[i]->index == index) return static_cast<int>(i);
  auto f = std::make_unique<Face>();
  if (FT_New_Face(library_, path.c_str(), index, &f->ft))
    return Error{"font " + path + ": cannot be read (install Debian's fonts-noto-core)"};
  f->path = path;
  f->index = index;
  f->bold = bold;
  f->units_per_em = f->ft->units_per_EM ? f->ft->units_per_EM : 1000;
  if (const char* ps = FT_Get_Postscript_Name(f->ft)) f->postscript_name = ps;
  // HarfBuzz's own OpenType functions on the file's bytes, unhinted and at font units, as hb-shape does: shaping is
  // then independent of the size drawn and of FreeType's hinting.
  hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
  f->hb = hb_font_create(face);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  const int upem = static_cast<int>(f->units_per_em);
  hb_font_set_scale(f->hb, upem, upem);
  faces_.push_back(std::move(f));
  return static_cast<int>(faces_.size() - 1);
}

bool FontSet::covers(int face, char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return face >= 0 && static_cast<size_t>(face) < faces_.size() &&
         hb_font_get_nominal_glyph(faces_[static_cast<size_t>(face)]->hb, cp, &glyph);
}

int FontSet::face_for(char32_t cp, bool bold, int preferred) {
  if (covers(preferred, cp)) return preferred;
  auto& chosen = chosen_[bold ? 1 : 0];
  if (auto it = chosen.find(cp); it != chosen.end()) return it->second;
  int found = -1;
  for (size_t i = 0; i < primary_ && found < 0; ++i)
    if (faces_[i]->bold == bold && covers(static_cast<int>(i), cp)) found = static_cast<int>(i);
  // A Noto Sans face already opened for this weight (say for the previous character of the same script) before
  // asking again; another family opened for some symbol must not take over a script Noto Sans has.
  for (size_t i = primary_; i < faces_.size() && found < 0; ++i)
    if (faces_[i]->bold == bold && faces_[i]->noto_sans && covers(static_cast<int>(i), cp)) found = static_cast<int>(i);
  if (found < 0) found = ask_fontconfig(cp, bold);
  if (found < 0 && bold) found = face_for(cp, false, -1);  // a script with no bold face is drawn regular
  chosen.emplace(cp, found);
  return found;
}

int FontSet::ask_fontconfig(char32_t cp, bool bold) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Sans"));
  FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcCharSet* wanted = FcCharSetCreate();
  FcCharSetAddChar(wanted, cp);
  FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcFontSet* sorted = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result);
  int found = -1;
  // Fontconfig ranks every family that is not "Noto Sans" alike, the system's sans-serif (DejaVu) first: so the Noto
  // Sans family of the script (Noto Sans Arabic, Noto Sans CJK JP, ...) is looked for first, then anything.
  for (int pass = 0; pass < 2 && found < 0; ++pass)
    for (int i = 0; sorted && i < sorted->nfont && found < 0; ++i) {
      FcCharSet* has = nullptr;
      FcChar8* file = nullptr;
      FcChar8* family = nullptr;
      int index = 0, weight = FC_WEIGHT_REGULAR;
      FcPattern* p = sorted->fonts[i];
      if (FcPatternGetCharSet(p, FC_CHARSET, 0, &has) != FcResultMatch || !FcCharSetHasChar(has, cp)) continue;
      if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) continue;
      FcPatternGetString(p, FC_FAMILY, 0, &family);
      FcPatternGetInteger(p, FC_INDEX, 0, &index);
      FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
      if ((weight >= FC_WEIGHT_BOLD) != bold) continue;
      const bool noto_sans = family && is_noto_sans(reinterpret_cast<const char*>(family));
      if (pass == 0 && !noto_sans) continue;
      auto loaded = load(reinterpret_cast<const char*>(file), index, bold);
      if (loaded && covers(*loaded, cp)) found = *loaded;
      if (loaded) faces_[static_cast<size_t>(*loaded)]->noto_sans = noto_sans;
    }
  if (sorted) FcFontSetDestroy(sorted);
  FcCharSetDestroy(wanted);
  FcPatternDestroy(pattern);
  return found;
}

}  // namespace chronoatlas::text
