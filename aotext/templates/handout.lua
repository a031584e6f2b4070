-- aotext's pandoc filter: one source, several readers.
--  * ::: facilitator blocks: removed for participants; a styled box for
--    facilitators and coordinators; speaker notes on slides. A block whose
--    class only looks like "facilitator" (Facilitator, facilitators,
--    facilitater, facilitator-notes ...) is one too: lint reports the
--    spelling, but until it is fixed no participant reads those notes.
--  * ::: {.answer-lines lines=N}: ruled lines to write an answer on.
--  * ::: question: a worksheet question kept on one page with its answer space.
--  * ::: page-break: a new page (a new slide needs none).
--  * ::: print-chart: the report's chart as pictures, for print; a web page
--    shows the same charts as inline SVG (a raw html block) instead.
--  * ::: slide-body (slides only): the module body's ::: slide blocks become
--    its slides, and its facilitator blocks their speaker notes.
--  * ::: slide: what goes on a slide; elsewhere, text like any other.
--  * ::: {lang=es} and [words]{lang=es}: a document's part written in another
--    language than the handout's (aotext marks it), in Typst too.
--  * ::: {headings-from=2}: a document's body, its headings set under its own.

local audience = "participant"
local facilitators_label = "For facilitators"  -- the handout's language's, from the metadata
local continued_label = "continued"  -- likewise: a slide's title when its block goes on over more slides
local handout_lang = "en"

local function read_audience(meta)
  if meta.audience then
    audience = pandoc.utils.stringify(meta.audience)
  end
  if meta["for-facilitators"] then
    facilitators_label = pandoc.utils.stringify(meta["for-facilitators"])
  end
  if meta.continued then
    continued_label = pandoc.utils.stringify(meta.continued)
  end
  if meta.lang then
    handout_lang = pandoc.utils.stringify(meta.lang)
  end
end

-- Edit distance (Levenshtein): a class two slips of the keyboard away from
-- "facilitator" is taken for it.
local function distance(a, b)
  local previous = {}
  for j = 0, #b do
    previous[j] = j
  end
  for i = 1, #a do
    local current = { [0] = i }
    for j = 1, #b do
      local substitution = previous[j - 1] + (a:sub(i, i) == b:sub(j, j) and 0 or 1)
      current[j] = math.min(previous[j] + 1, current[j - 1] + 1, substitution)
    end
    previous = current
  end
  return previous[#b]
end

local function looks_like_facilitator(class)
  local lowered = class:lower()
  if lowered:gsub("%A", ""):find("facilitat", 1, true) then
    return true
  end
  for word in lowered:gmatch("%a+") do
    if distance(word, "facilitator") <= 2 then
      return true
    end
  end
  return false
end

local function is_facilitator(element)
  for _, class in ipairs(element.classes) do
    if looks_like_facilitator(class) then
      return true
    end
  end
  return false
end

-- Blocks inside a Typst function call: opening is e.g. "#facilitator[".
local function in_typst(opening, content)
  local blocks = pandoc.Blocks({ pandoc.RawBlock("typst", opening) })
  blocks:extend(content)
  blocks:insert(pandoc.RawBlock("typst", "]"))
  return blocks
end

local function facilitator(div)
  if audience == "participant" then
    return {}
  end
  if FORMAT == "typst" then
    return in_typst("#facilitator[", div.content)
  end
  -- The label is in the handout's language, in a part written in another too.
  local label_attr = pandoc.Attr("", {}, { lang = handout_lang })
  if FORMAT == "docx" then
    local label = pandoc.Para({ pandoc.Span({ pandoc.Strong({ pandoc.Str(facilitators_label) }) }, label_attr) })
    local blocks = pandoc.Blocks({ label })
    blocks:extend(div.content)
    return pandoc.Div(blocks, pandoc.Attr("", {}, { ["custom-style"] = "Facilitator Note" }))
  end
  if FORMAT:match("html") then
    local label = pandoc.Para({ pandoc.Str(facilitators_label) })
    local blocks = pandoc.Blocks({ pandoc.Div({ label }, pandoc.Attr("", { "facilitator-label" }, { lang = handout_lang })) })
    blocks:extend(div.content)
    return pandoc.Div(blocks, pandoc.Attr("", { "facilitator" }, { role = "note" }))
  end
  return div
end

local function answer_lines(div)
  local count = tonumber(div.attributes["lines"]) or 6
  if FORMAT == "typst" then
    return pandoc.RawBlock("typst", "#answerlines(" .. count .. ")")
  end
  local lines = pandoc.Blocks({})
  if FORMAT:match("html") then
    -- Ruled space that prints: empty boxes with a bottom border (see handout.html),
    -- hidden from screen readers, which have nothing to read in it.
    for _ = 1, count do
      lines:insert(pandoc.Div({}, pandoc.Attr("", { "answer-line" })))
    end
    return pandoc.Div(lines, pandoc.Attr("", { "answer-lines" }, { ["aria-hidden"] = "true" }))
  end
  for _ = 1, count do
    if FORMAT == "docx" then
      lines:insert(pandoc.Para({ pandoc.Str("\u{00A0}") }))
    else
      lines:insert(pandoc.Para({ pandoc.Str(string.rep("_", 60)) }))
    end
  end
  if FORMAT == "docx" then
    return pandoc.Div(lines, pandoc.Attr("", {}, { ["custom-style"] = "Answer Line" }))
  end
  return lines
end

-- On slides, a module's `::: slide` blocks become its slides, titled by the
-- heading above them (or their title="..."), and its facilitator blocks the
-- speaker notes of the slide they follow. A slide whose text would not fit
-- at the deck's 24-point body size goes on over more slides ("continued")
-- rather than shrinking: about SLIDE_LINES lines of LINE_CHARS characters,
-- measured against the body box with the font's metrics in tests/test_slides.py.
local SLIDE_LINES, LINE_CHARS = 7, 44
-- A slide title fits one line of about this many letters (see office.py's TITLE_SIZE).
local TITLE_CHARS = 34

local function lines_of(block)
  if block.t == "BulletList" or block.t == "OrderedList" then
    local count = 0
    for _, item in ipairs(block.content) do
      for _, inner in ipairs(item) do
        count = count + lines_of(inner)
      end
    end
    return count
  end
  return math.max(1, math.ceil(utf8.len(pandoc.utils.stringify(block)) / LINE_CHARS))
end

-- The pieces a slide can be cut between: paragraphs, and each item of a list.
local function pieces_of(blocks)
  local pieces = {}
  for _, block in ipairs(blocks) do
    if block.t == "BulletList" or block.t == "OrderedList" then
      for number, item in ipairs(block.content) do
        pieces[#pieces + 1] = { list = block, item = item, number = number,
          lines = lines_of(pandoc.BulletList({ item })) }
      end
    else
      pieces[#pieces + 1] = { block = block, lines = lines_of(block) }
    end
  end
  return pieces
end

-- Pieces back into blocks: consecutive items of one list stay one list, numbered on.
local function blocks_of(pieces)
  local blocks = pandoc.Blocks({})
  local open, items, first = nil, nil, 1
  local function flush()
    if open then
      if open.t == "OrderedList" then
        local attributes = open.listAttributes
        blocks:insert(pandoc.OrderedList(items, pandoc.ListAttributes(attributes.start + first - 1, attributes.style,
          attributes.delimiter)))
      else
        blocks:insert(pandoc.BulletList(items))
      end
    end
    open, items = nil, nil
  end
  for _, piece in ipairs(pieces) do
    if piece.list then
      if open ~= piece.list then
        flush()
        open, items, first = piece.list, {}, piece.number
      end
      items[#items + 1] = piece.item
    else
      flush()
      blocks:insert(piece.block)
    end
  end
  flush()
  return blocks
end

local function slide_body(div)
  local slides, before = {}, pandoc.Blocks({})
  local heading = nil
  for _, block in ipairs(div.content) do
    if block.t == "Header" then
      heading = pandoc.utils.stringify(block.content)
    elseif block.t == "Div" and is_facilitator(block) then
      (#slides > 0 and slides[#slides].notes or before):extend(block.content)
    elseif block.t == "Div" and block.classes:includes("slide") then
      local slide = { title = block.attributes.title or heading or "", content = pandoc.Blocks({}),
        notes = pandoc.Blocks({}) }
      for _, inner in ipairs(block.content) do
        if inner.t == "Div" and is_facilitator(inner) then
          slide.notes:extend(inner.content)
        else
          slide.content:insert(inner)
        end
      end
      slides[#slides + 1] = slide
    end
  end
  local blocks = pandoc.Blocks({})
  if #before > 0 then  -- what the facilitator says before the first slide: on the module's opening slide
    blocks:insert(pandoc.Div(before, pandoc.Attr("", { "notes" })))
  end
  for _, slide in ipairs(slides) do
    local parts, part, lines = {}, {}, 0
    for _, piece in ipairs(pieces_of(slide.content)) do
      if #part > 0 and lines + piece.lines > SLIDE_LINES then
        parts[#parts + 1], part, lines = part, {}, 0
      end
      part[#part + 1] = piece
      lines = lines + piece.lines
    end
    parts[#parts + 1] = part
    for number, piece_list in ipairs(parts) do
      local title = slide.title
      if number > 1 then
        local continued = title .. " (" .. continued_label .. ")"
        title = utf8.len(continued) <= TITLE_CHARS and continued or title .. " (" .. number .. ")"
      end
      blocks:insert(pandoc.Header(2, pandoc.Inlines(title)))
      blocks:extend(blocks_of(piece_list))
      if number == 1 and #slide.notes > 0 then
        blocks:insert(pandoc.Div(slide.notes, pandoc.Attr("", { "notes" })))
      end
    end
  end
  return blocks
end

local function page_break()
  if FORMAT == "typst" then
    return pandoc.RawBlock("typst", "#pagebreak(weak: true)")
  end
  if FORMAT == "docx" then
    return pandoc.RawBlock("openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
  end
  if FORMAT:match("html") then
    return pandoc.Div({}, pandoc.Attr("", { "page-break" }))
  end
  return {}
end

local function question(div)
  if FORMAT == "typst" then
    -- The prompt sticks to its answer lines, which may run on over a page
    -- break: a question never sits alone at a page's foot, and no page is
    -- left half empty because the next question's lines did not all fit.
    local content = pandoc.List(div.content)
    local lines = content:remove(#content)
    local blocks = in_typst("#block(sticky: true, width: 100%)[", content)
    blocks:insert(lines)
    return blocks
  end
  if FORMAT == "docx" then
    -- The prompt and hint keep with the answer lines that follow them.
    return pandoc.Div(div.content, pandoc.Attr("", {}, { ["custom-style"] = "Question" }))
  end
  if FORMAT:match("html") then
    return pandoc.Div(div.content, pandoc.Attr("", { "question" }))
  end
  return div.content
end

-- pandoc's Typst writer sets a part's language in a block, where a page
-- break is not allowed, and drops a phrase's: both go to Typst as a scope
-- with its own language, for hyphenation and the tagged PDF.
local function in_language(element)
  local lang = element.attributes["lang"]
  if FORMAT ~= "typst" or not lang or not lang:match("^[%a%-]+$") then
    return nil
  end
  if element.t == "Span" then
    local inlines = pandoc.Inlines({ pandoc.RawInline("typst", '#text(lang: "' .. lang .. '")[') })
    inlines:extend(element.content)
    inlines:insert(pandoc.RawInline("typst", "]"))
    return inlines
  end
  return in_typst('#[#set text(lang: "' .. lang .. '")', element.content)
end

local function div(element)
  if element.classes:includes("slide") then
    return element.content  -- outside the slides, what is on a slide is text like any other
  end
  if element.classes:includes("print-chart") then
    if FORMAT:match("html") then
      return {}
    end
    return element.content
  end
  if element.classes:includes("question") then
    return question(element)
  end
  if element.classes:includes("page-break") then
    return page_break()
  end
  if is_facilitator(element) then
    return facilitator(element)
  end
  if element.classes:includes("answer-lines") then
    return answer_lines(element)
  end
  return in_language(element)
end

-- A document's body comes in a block headings-from=N (compose.py's beneath):
-- its biggest headings, # or ## as its writer chose, move to level N, under
-- the document's own heading, and the others keep their places below them.
local function place_headings(element)
  local from = tonumber(element.attributes["headings-from"])
  if from == nil then
    return nil
  end
  local top = nil
  element:walk({ Header = function(header) top = math.min(top or header.level, header.level) end })
  if top == nil or top == from then
    return element.content
  end
  return element.content:walk({ Header = function(header)
    header.level = math.max(1, math.min(6, header.level + from - top))
    return header
  end })
end

-- On a web page the title is the one level-1 heading, so the body's
-- headings are moved to start at level 2 and nest under it.
local function nest_headings(doc)
  if not FORMAT:match("html") then
    return nil
  end
  local top = nil
  doc:walk({ Header = function(header) top = math.min(top or header.level, header.level) end })
  if top == nil or top == 2 then
    return nil
  end
  return doc:walk({ Header = function(header)
    header.level = math.min(6, header.level + 2 - top)
    return header
  end })
end

-- pandoc's Typst writer turns a right single quote into a straight one,
-- which Typst's smart quotes then curl the wrong way after a full stop
-- (‘organizing.‘): the quote mark goes to Typst as it was typed.
local RIGHT_QUOTE = "\u{2019}"

local function keep_right_quotes(str)
  if FORMAT ~= "typst" or not str.text:find(RIGHT_QUOTE, 1, true) then
    return nil
  end
  local pieces, rest = pandoc.List({}), str.text
  local at = rest:find(RIGHT_QUOTE, 1, true)
  while at do
    if at > 1 then
      pieces:insert(pandoc.Str(rest:sub(1, at - 1)))
    end
    pieces:insert(pandoc.RawInline("typst", RIGHT_QUOTE))
    rest = rest:sub(at + #RIGHT_QUOTE)
    at = rest:find(RIGHT_QUOTE, 1, true)
  end
  if rest ~= "" then
    pieces:insert(pandoc.Str(rest))
  end
  return pieces
end

-- pandoc's Typst writer leaves out a picture's alternative text, which a
-- tagged PDF (PDF/UA-1) must have: pictures go to Typst with theirs. A
-- figure's is its fig-alt, else its caption; an inline picture's, its
-- description.
local function typst_string(text)
  return '"' .. text:gsub("\\", "\\\\"):gsub('"', '\\"') .. '"'
end

local function typst_image(image, alt)
  local args = { typst_string(image.src) }
  if image.attributes.width then
    args[#args + 1] = "width: " .. image.attributes.width:gsub("%%$", "%%")
  end
  args[#args + 1] = "alt: " .. typst_string(alt)
  return "image(" .. table.concat(args, ", ") .. ")"
end

local function typst_inlines(inlines)
  return pandoc.write(pandoc.Pandoc({ pandoc.Plain(inlines) }), "typst"):gsub("%s+$", "")
end

local function figure_with_alt(figure)
  if FORMAT == "docx" then
    -- Word reads a picture's description from its words: the fig-alt, when there is one.
    return figure:walk({ Image = function(image)
      if image.attributes["fig-alt"] then
        image.caption = { pandoc.Str(image.attributes["fig-alt"]) }
        return image
      end
    end })
  end
  if FORMAT ~= "typst" then
    return nil
  end
  local image = nil
  figure:walk({ Image = function(found) image = image or found end })
  if image == nil then
    return nil
  end
  local caption = pandoc.utils.stringify(figure.caption.long)
  local alt = image.attributes["fig-alt"] or (caption ~= "" and caption) or pandoc.utils.stringify(image.caption)
  local body = "#figure(" .. typst_image(image, alt)
  if caption ~= "" then
    body = body .. ", caption: [" .. typst_inlines(pandoc.utils.blocks_to_inlines(figure.caption.long)) .. "]"
  end
  return pandoc.RawBlock("typst", body .. ")")
end

local function image_with_alt(image)
  if FORMAT ~= "typst" then
    return nil
  end
  return pandoc.RawInline("typst", "#box(" .. typst_image(image, pandoc.utils.stringify(image.caption)) .. ")")
end

-- A table wider than a phone's screen scrolls sideways (page.css): on a web
-- page it can take the keyboard's focus, so that it can be scrolled without a mouse.
local function scrollable_table(table)
  if not FORMAT:match("html") then
    return nil
  end
  table.attributes["tabindex"] = "0"
  return table
end

-- Slide bodies first, so their facilitator blocks become notes, not boxes.
return {
  { Table = scrollable_table },
  { Figure = figure_with_alt },  -- before the pictures inside figures are turned into Typst
  { Image = image_with_alt },
  { Str = keep_right_quotes },
  { Meta = read_audience },
  { Div = place_headings },  -- before the web page's headings nest under its title, and slides are cut
  { Pandoc = nest_headings },
  { Div = function(element) if element.classes:includes("slide-body") then return slide_body(element) end end },
  { Div = div, Span = in_language },
}
