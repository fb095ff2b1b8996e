#pragma once
// A story built by a test through the document's commands, one step at a time, each step asserted to succeed.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "document/commands.h"
#include "document/story_document.h"

inline void run(chronoatlas::document::StoryDocument& doc, std::unique_ptr<chronoatlas::document::Command> command) {
  std::vector<std::string> warnings;
  const chronoatlas::Status done = doc.execute(std::move(command), warnings);
  ASSERT_TRUE(done) << done.error();
}

// An event at WHEN (YYYY-MM-DD or with THH:MM) at PLACE, sourced to the test's own fixture.
inline chronoatlas::story::Event sourced_event(const std::string& when, const std::string& title,
                                               chronoatlas::LonLat place) {
  chronoatlas::story::Event e;
  e.at = *chronoatlas::story::parse_iso_date(when);
  e.title = title;
  e.source = "test fixture";
  e.place = place;
  return e;
}

// Layer INDEX filled with COLOUR ("#rrggbb" or "#rrggbbaa") and labelled by its "name" field.
inline void fill_and_label(chronoatlas::document::StoryDocument& doc, size_t index, const std::string& colour) {
  chronoatlas::story::LayerStyle style = doc.atlas().layers()[index].spec.style;
  style.fill = *chronoatlas::parse_colour(colour);
  style.label_field = "name";
  run(doc, chronoatlas::document::set_style(index, style));
}
