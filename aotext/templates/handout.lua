-- aotext's pandoc filter: one source, several readers (slides.lua runs
-- before it, writers.lua after).
--  * ::: facilitator blocks: removed for participants; a styled box for
--    facilitators and coordinators (facilitator.lua says which they are).
--    [Phrases]{.facilitator}, headings and anything else so marked:
--    removed for participants.
--  * <!-- comments -->: removed for everyone.
--  * ::: {.answer-lines lines=N}: ruled lines to write an answer on.
--  * ::: question: a worksheet question kept on one page with its answer space.
--  * ::: page-break: a new page (a new slide needs none).
--  * ::: print-chart: the report's chart as pictures, for print; a web page
--    shows the same charts as inline SVG (a raw html block) instead.
--  * ::: slide-body (slides only): made into slides by slides.lua.
--  * ::: slide: what goes on a slide; elsewhere, text like any other.
--  * ::: {lang=es} and [words]{lang=es}: a document's part written in another
--    language than the handout's (aotext marks it), in Typst too.
--  * ::: {headings-from=2}: a document's body, its headings set under its own.

local audience = "participant"
local facilitators_label = "For facilitators"  -- the handout's language's, from the metadata
local handout_lang = "en"

local function read_audience(meta)
  if meta.audience then
    audience = pandoc.utils.stringify(meta.audience)
  end
  if meta["for-facilitators"] then
    facilitators_label = pandoc.utils.stringify(meta["for-facilitators"])
  end
  if meta.lang then
    handout_lang = pandoc.utils.stringify(meta.lang)
  end
end

local is_facilitator = dofile(pandoc.path.join({ pandoc.path.directory(PANDOC_SCRIPT_FILE), "facilitator.lua" }))

-- Blocks inside a Typst function call: opening is e.g. "#facilitator[".
local function in_typst(opening, content)
  local blocks = pandoc.Blocks({ pandoc.RawBlock("typst", opening) })
  blocks:extend(content)
  blocks:insert(pandoc.RawBlock("typst", "]"))
  return blocks
end

-- For facilitators and coordinators (participants have none left, see without_facilitators).
local function facilitator(div)
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

-- An HTML comment, <!-- ... -->, hides a draft or a note from every reader
-- (even one wrapped around a ::: facilitator block): pandoc would copy it
-- into the web page, where anyone who looks at the page's source reads it.
local function without_comments(raw)
  if not raw.format:match("^html") then
    return nil
  end
  local text = raw.text:gsub("<!%-%-.-%-%->", "")
  if text == raw.text then
    return nil
  end
  if text:match("^%s*$") then
    return {}
  end
  raw.text = text
  return raw
end

-- Whatever is marked for facilitators (facilitator.lua says what is) is
-- left out for participants, before any other class of it is read: a
-- `{.slide .facilitator}` block is not a slide's text for them, a heading
-- `## Tell them {.facilitator}` is no heading of theirs. A
-- [phrase]{.facilitator} (or <span class="facilitator">, which pandoc
-- reads the same) is kept for the others as it is; slides.lua has put what
-- is marked on the slides in their speaker notes.
local function without_facilitators(element)
  if audience == "participant" and is_facilitator(element) then
    return {}
  end
end

local function div(element)
  if is_facilitator(element) then
    return facilitator(element)
  end
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

return {
  { RawBlock = without_comments, RawInline = without_comments },
  { Meta = read_audience },
  -- From the top down: a figure is asked before its picture (marked, it
  -- goes with its caption; asked after, its picture was gone and its
  -- caption stayed), and what holds marked parts goes before they are read.
  { traverse = "topdown",
    Div = without_facilitators, Span = without_facilitators, Header = without_facilitators,
    CodeBlock = without_facilitators, Table = without_facilitators, Figure = without_facilitators,
    Link = without_facilitators, Code = without_facilitators, Image = without_facilitators },
  { Div = place_headings },  -- before the web page's headings nest under its title
  { Pandoc = nest_headings },
  { Div = div, Span = in_language },
}
