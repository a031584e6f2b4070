-- aotext's first pandoc filter, run before handout.lua, for the slides
-- only: a module's ::: slide-body becomes its slides, and its facilitator
-- blocks their speaker notes (not the boxes handout.lua would make of them).

local is_facilitator = dofile(pandoc.path.join({ pandoc.path.directory(PANDOC_SCRIPT_FILE), "facilitator.lua" }))
local continued_label = "continued"  -- the handout's language's, from the metadata

local audience = "facilitator"  -- the handout's, from the metadata

local function read_labels(meta)
  if meta.continued then
    continued_label = pandoc.utils.stringify(meta.continued)
  end
  if meta.audience then
    audience = pandoc.utils.stringify(meta.audience)
  end
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

-- A picture fills its slide: pandoc would draw the text beside it over it.
local function has_picture(block)
  local found = false
  block:walk({ Image = function() found = true end })
  return found
end

-- Code keeps its lines as typed: each takes at least one.
local function code_lines(line)
  return math.max(1, math.ceil((utf8.len(line) or #line) / LINE_CHARS))
end

local function lines_of(block)
  if has_picture(block) then
    return SLIDE_LINES
  end
  if block.t == "BulletList" or block.t == "OrderedList" then
    local count = 0
    for _, item in ipairs(block.content) do
      for _, inner in ipairs(item) do
        count = count + lines_of(inner)
      end
    end
    return count
  end
  if block.t == "CodeBlock" then
    local count = 0
    for line in (block.text .. "\n"):gmatch("(.-)\n") do
      count = count + code_lines(line)
    end
    return count
  end
  return math.max(1, math.ceil(utf8.len(pandoc.utils.stringify(block)) / LINE_CHARS))
end

-- Code too long for one slide, cut between its lines into code that fits one.
local function cut_code(block)
  local chunks, lines, count = {}, {}, 0
  for line in (block.text .. "\n"):gmatch("(.-)\n") do
    if #lines > 0 and count + code_lines(line) > SLIDE_LINES then
      chunks[#chunks + 1], lines, count = pandoc.CodeBlock(table.concat(lines, "\n"), block.attr), {}, 0
    end
    lines[#lines + 1], count = line, count + code_lines(line)
  end
  chunks[#chunks + 1] = pandoc.CodeBlock(table.concat(lines, "\n"), block.attr)
  return chunks
end

local function ends_sentence(inline)
  local text = pandoc.utils.stringify(inline):gsub("[%)\"'\u{201D}\u{2019}\u{BB}]+$", "")
  return text:match("[%.%?!]$") ~= nil
end

-- A paragraph too long for one slide, cut into paragraphs that each fit
-- one: after the last sentence that fits, else between words.
local function cut_paragraph(block)
  local budget, chunks, current, size = SLIDE_LINES * LINE_CHARS, {}, {}, 0
  local function emit(upto)
    local kept, rest = {}, {}
    for index, inline in ipairs(current) do
      if index < upto then
        kept[#kept + 1] = inline
      elseif index > upto then
        rest[#rest + 1] = inline
      end
    end
    chunks[#chunks + 1] = pandoc[block.t](kept)
    current, size = rest, utf8.len(pandoc.utils.stringify(pandoc.Inlines(rest)))
  end
  for _, inline in ipairs(block.content) do
    local length = utf8.len(pandoc.utils.stringify(inline))
    if inline.t ~= "Space" and inline.t ~= "SoftBreak" and #current > 0 and size + length > budget then
      local space, sentence = nil, nil
      for index = 2, #current do
        if current[index].t == "Space" or current[index].t == "SoftBreak" then
          space = index
          sentence = ends_sentence(current[index - 1]) and index or sentence
        end
      end
      emit(sentence or space or #current + 1)
    end
    current[#current + 1], size = inline, size + length
  end
  emit(#current + 1)
  return chunks
end

-- The pieces a slide can be cut between: paragraphs (a long one in parts),
-- code (a long one in parts), each item of a list, and a long quote's parts. An item too long for
-- one slide is cut as its own blocks are: its first part keeps its bullet or
-- number, and the rest follows as text (the next item is numbered on).
local function pieces_of(blocks)
  local pieces = {}
  for _, block in ipairs(blocks) do
    if block.t == "BulletList" or block.t == "OrderedList" then
      for number, item in ipairs(block.content) do
        local lines = lines_of(pandoc.BulletList({ item }))
        local inner = lines > SLIDE_LINES and pieces_of(item) or {}
        if #inner > 1 and inner[1].block then
          pieces[#pieces + 1] = { list = block, item = { inner[1].block }, number = number, lines = inner[1].lines }
          table.move(inner, 2, #inner, #pieces + 1, pieces)
        else
          pieces[#pieces + 1] = { list = block, item = item, number = number, lines = lines }
        end
      end
    elseif block.t == "BlockQuote" and lines_of(block) > SLIDE_LINES then
      -- A quote too long for one slide goes on as its own blocks do, each part still a quote.
      for _, piece in ipairs(pieces_of(block.content)) do
        if piece.block then
          piece.block = pandoc.BlockQuote({ piece.block })
        end
        pieces[#pieces + 1] = piece
      end
    elseif lines_of(block) > SLIDE_LINES and (block.t == "CodeBlock" or block.t == "Para" or block.t == "Plain")
        and not has_picture(block) then
      for _, chunk in ipairs(block.t == "CodeBlock" and cut_code(block) or cut_paragraph(block)) do
        pieces[#pieces + 1] = { block = chunk, lines = lines_of(chunk) }
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

-- What a facilitator mark holds, as speaker notes: a block's text, a
-- heading's or a phrase's words, or the marked table, code or link itself.
local function as_notes(element)
  if element.t == "Div" then
    return element.content
  end
  if element.t == "Header" or element.t == "Span" then
    return pandoc.Blocks({ pandoc.Para(element.content) })
  end
  if element.t == "Link" or element.t == "Code" or element.t == "Image" then
    return pandoc.Blocks({ pandoc.Para({ element }) })
  end
  return pandoc.Blocks({ element })
end

-- What is marked for facilitators, into the speaker notes `notes`; a deck
-- for participants has none of it, in its notes or on its screen.
local function to_notes(notes, element)
  if audience ~= "participant" then
    notes:extend(as_notes(element))
  end
end

-- What is for facilitators inside a slide's text or title (a phrase, a
-- heading, or a block within a list) goes to `notes`, the speaker notes,
-- never on the screen; so does a footnote's text, which pandoc would put on
-- a slide of its own at the deck's end, titled "Notes" in English.
local function pull_notes(block, notes)
  local function pull(inner)
    if is_facilitator(inner) then
      to_notes(notes, inner)
      return {}
    end
  end
  local function footnote(note)
    notes:extend(note.content)
    return {}
  end
  return block:walk({ Span = pull, Link = pull, Code = pull, Image = pull, Div = pull, Header = pull,
    CodeBlock = pull, Table = pull, Figure = pull, Note = footnote })
end

-- The speaker notes, with the footnotes in them written out after them
-- (for the same reason as above).
local function speaker_notes(blocks)
  local footnotes = pandoc.Blocks({})
  local notes = blocks:walk({ Note = function(note)
    footnotes:extend(note.content)
    return {}
  end })
  notes:extend(footnotes)
  return pandoc.Div(notes, pandoc.Attr("", { "notes" }))
end

-- A `::: slide` block, with the facilitator material in it as its notes.
local function slide_of(block, heading)
  local slide = { title = block.attributes.title or heading or "", content = pandoc.Blocks({}),
    notes = pandoc.Blocks({}) }
  for _, inner in ipairs(block.content) do
    if is_facilitator(inner) then
      to_notes(slide.notes, inner)
    else
      slide.content:insert(pull_notes(inner, slide.notes))
    end
  end
  return slide
end

-- The module's slides, in the order of its text, into `found`. A slide block
-- is one wherever it is, as the handouts print its text wherever it is:
-- also inside another block (an activity's `::: {activity=recap}`, a part
-- `::: {lang=es}`), a list item, a definition or a quote.
local function collect(blocks, found)
  for _, block in ipairs(blocks) do
    local notes = #found.slides > 0 and found.slides[#found.slides].notes or found.before
    if is_facilitator(block) then
      -- Marked for facilitators, whatever else it is (a slide, a heading):
      -- the notes of the slide it follows; a heading titles no slide.
      to_notes(notes, block)
    elseif block.t == "Header" then
      found.heading = pandoc.utils.stringify(pull_notes(block, notes).content)
    elseif block.t == "Div" and block.classes:includes("slide") then
      found.slides[#found.slides + 1] = slide_of(block, found.heading)
    elseif block.t == "Div" or block.t == "BlockQuote" then
      collect(block.content, found)
    elseif block.t == "BulletList" or block.t == "OrderedList" then
      for _, item in ipairs(block.content) do
        collect(item, found)
      end
    elseif block.t == "DefinitionList" then
      for _, entry in ipairs(block.content) do
        for _, definition in ipairs(entry[2]) do
          collect(definition, found)
        end
      end
    end
  end
end

local function slide_body(div)
  local found = { slides = {}, before = pandoc.Blocks({}), heading = nil }
  collect(div.content, found)
  local slides, before = found.slides, found.before
  local blocks = pandoc.Blocks({})
  if #before > 0 then  -- what the facilitator says before the first slide: on the module's opening slide
    blocks:insert(speaker_notes(before))
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
        blocks:insert(speaker_notes(slide.notes))
      end
    end
  end
  return blocks
end

return {
  { Meta = read_labels },
  { Div = function(element) if element.classes:includes("slide-body") then return slide_body(element) end end },
}
