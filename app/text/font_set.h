#pragma once
// The faces text is drawn with: Noto Sans (and Noto Sans Armenian) from the font folder first, then, for any code
// point they lack, the face fontconfig finds for it among those installed (Noto Sans Arabic, Hebrew, Devanagari, Thai,
// Georgian, CJK, ...). One chain serves measuring, shaping and drawing, so every backend uses the same faces.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/result.h"

typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;
typedef struct hb_font_t hb_font_t;

namespace chronoatlas::text {

struct Face {
  std::string path;             // the font file
  int index = 0;                // face within a collection (.ttc)
  bool bold = false;
  bool noto_sans = true;        // of the project's typeface (the font folder's faces are); false: a last resort
  std::string postscript_name;  // what vector outputs name the font by
  unsigned units_per_em = 1000;
  FT_Face ft = nullptr;         // rasterises glyphs
  hb_font_t* hb = nullptr;      // shapes, at a scale of one font unit (positions come out in font units)
};

class FontSet {
 public:
  // Opens Noto Sans regular and bold and Noto Sans Armenian from FONT_DIR; an error names the file and the package.
  static Result<std::unique_ptr<FontSet>> open(const std::string& font_dir);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // The face that draws CP in the weight asked for: PREFERRED when it has CP (keeping a run in one face), else the
  // first of the chain that has it, else fontconfig's pick; -1 when no installed face has CP.
  int face_for(char32_t cp, bool bold, int preferred = -1);
  bool covers(int face, char32_t cp) const;
  const Face& face(int i) const { return *faces_[static_cast<size_t>(i)]; }
  size_t size() const { return faces_.size(); }

 private:
  FontSet() = default;
  Result<int> load(const std::string& path, int index, bool bold);
  int ask_fontconfig(char32_t cp, bool bold);

  FT_Library library_ = nullptr;
  std::vector<std::unique_ptr<Face>> faces_;
  size_t primary_ = 0;                         // faces_[0, primary_) are the font folder's, tried first
  std::unordered_map<char32_t, int> chosen_[2];  // per weight: a code point's face, -1 when none has it
};

}  // namespace chronoatlas::text
