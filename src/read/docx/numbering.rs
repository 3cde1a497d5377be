//! Word's automatic list numbering: the "1.", "a)" or bullet that Word draws in front of a
//! list paragraph is not in the paragraph's text, only in `word/numbering.xml`.
//!
//! A paragraph's `w:numPr` names a list instance (`w:numId`) and a level (`w:ilvl`); the
//! instance points at an abstract list whose levels give a format (`decimal`,
//! `lowerLetter`, `upperRoman`, `bullet`, …), a start value and a label pattern
//! (`%1.`, `%1.%2`, `BAB %1`). Counting the paragraphs of each instance in document order
//! gives each one its label, as Word shows it, so "5 (lima) fungsi, yaitu:" can be checked
//! against the items that follow it.

use super::{attr, local, DocxError};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// Levels a list can have (Word's limit).
const LEVELS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Format {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl Format {
    fn from_word(name: &str) -> Format {
        match name {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            // Every other format (ordinals, other scripts) is shown as a number.
            _ => Format::Decimal,
        }
    }

    fn render(self, n: u32) -> String {
        match self {
            Format::Decimal => n.to_string(),
            Format::DecimalZero => format!("{n:02}"),
            Format::LowerLetter => letters(n),
            Format::UpperLetter => letters(n).to_uppercase(),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperRoman => roman(n),
            Format::Bullet | Format::None => String::new(),
        }
    }
}

/// a … z, then aa, bb, … as Word counts letters.
fn letters(n: u32) -> String {
    let n = n.max(1) - 1;
    let letter = char::from(b'a' + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26 + 1).min(10) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    n = n.clamp(1, 3999);
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[derive(Debug, Clone, Default)]
struct Level {
    format: Format,
    /// The label pattern: `%1.` is level 0's counter followed by a dot.
    text: String,
    start: u32,
}

/// The lists a document defines.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Abstract list id → its levels.
    abstracts: HashMap<String, [Level; LEVELS]>,
    /// List instance id → (abstract list id, start overrides per level).
    instances: HashMap<String, (String, [Option<u32>; LEVELS])>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn parse(xml: &str) -> Result<Numbering, DocxError> {
        let mut numbering = Numbering::default();
        let mut reader = Reader::from_str(xml);
        // Where the reader is: the abstract list or instance, and the level.
        let mut abstract_id: Option<String> = None;
        let mut instance: Option<String> = None;
        let mut level: Option<usize> = None;
        loop {
            let event = reader.read_event().map_err(|e| {
                DocxError::BadXml(format!(
                    "word/numbering.xml: {e} (at byte {})",
                    reader.error_position()
                ))
            })?;
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match local(e.name().as_ref()) {
                        b"abstractNum" => abstract_id = None,
                        b"num" => instance = None,
                        b"lvl" | b"lvlOverride" => level = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let name = e.name();
            let value = || attr(e, b"val");
            match local(name.as_ref()) {
                b"abstractNum" if !empty => {
                    let id = attr(e, b"abstractNumId").unwrap_or_default();
                    numbering.abstracts.entry(id.clone()).or_default();
                    abstract_id = Some(id);
                }
                b"num" if !empty => {
                    let id = attr(e, b"numId").unwrap_or_default();
                    numbering.instances.entry(id.clone()).or_default();
                    instance = Some(id);
                }
                b"abstractNumId" => {
                    if let (Some(id), Some(target)) = (&instance, value()) {
                        if let Some(entry) = numbering.instances.get_mut(id) {
                            entry.0 = target;
                        }
                    }
                }
                b"lvl" | b"lvlOverride" if !empty => {
                    level = attr(e, b"ilvl").and_then(|v| v.parse().ok()).filter(|&l| l < LEVELS);
                }
                b"numFmt" => {
                    if let Some(levels) = current_levels(&mut numbering, &abstract_id, level) {
                        levels.format = Format::from_word(&value().unwrap_or_default());
                    }
                }
                b"lvlText" => {
                    if let Some(levels) = current_levels(&mut numbering, &abstract_id, level) {
                        levels.text = value().unwrap_or_default();
                    }
                }
                b"start" => {
                    let start = value().and_then(|v| v.parse().ok()).unwrap_or(1);
                    if let Some(levels) = current_levels(&mut numbering, &abstract_id, level) {
                        levels.start = start;
                    }
                }
                b"startOverride" => {
                    let start = value().and_then(|v| v.parse().ok());
                    if let (Some(id), Some(level)) = (&instance, level) {
                        if let Some(entry) = numbering.instances.get_mut(id) {
                            entry.1[level] = start;
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(numbering)
    }
}

fn current_levels<'a>(
    numbering: &'a mut Numbering,
    abstract_id: &Option<String>,
    level: Option<usize>,
) -> Option<&'a mut Level> {
    let levels = numbering.abstracts.get_mut(abstract_id.as_ref()?)?;
    Some(&mut levels[level?])
}

/// A list label as Word draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// "1.", "a)", "BAB II", "3.1."
    Numbered(String),
    Bullet,
}

impl Label {
    /// The label as the text view writes it: a bullet as Markdown's `-`.
    pub fn marker(&self) -> &str {
        match self {
            Label::Numbered(text) => text,
            Label::Bullet => "-",
        }
    }

    /// Whether Markdown reads the label as a list item (`-`, `1.`, `2)`), so that text
    /// indented under it belongs to it.
    pub fn is_markdown_item(&self) -> bool {
        match self {
            Label::Bullet => true,
            Label::Numbered(text) => {
                let digits = text.trim_end_matches(['.', ')']);
                text.len() == digits.len() + 1
                    && (1..=9).contains(&digits.len())
                    && digits.bytes().all(|b| b.is_ascii_digit())
            }
        }
    }
}

/// Counts list paragraphs in document order and gives each its label.
#[derive(Debug, Default)]
pub struct Counter {
    /// List instance id → the current counter of each level (0: not started).
    counts: HashMap<String, [u32; LEVELS]>,
}

impl Counter {
    /// The label of the next paragraph of list instance `num_id` at `level`, or `None`
    /// when the list is unknown or draws no label. Instance `0` means "no list".
    pub fn next(&mut self, numbering: &Numbering, num_id: &str, level: usize) -> Option<Label> {
        if num_id == "0" {
            return None;
        }
        let (abstract_id, overrides) = numbering.instances.get(num_id)?;
        let levels = numbering.abstracts.get(abstract_id)?;
        let level = level.min(LEVELS - 1);
        let start = |l: usize| overrides[l].unwrap_or(levels[l].start);
        let counts = self.counts.entry(num_id.to_string()).or_insert([0; LEVELS]);
        counts[level] = if counts[level] == 0 { start(level) } else { counts[level] + 1 };
        // A new item at this level restarts the levels below it.
        counts[level + 1..].iter_mut().for_each(|c| *c = 0);
        let own = &levels[level];
        match own.format {
            Format::Bullet => return Some(Label::Bullet),
            Format::None if !own.text.contains('%') => return None,
            _ => {}
        }
        let mut label = String::new();
        let mut chars = own.text.chars().peekable();
        while let Some(ch) = chars.next() {
            match (ch, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let n = if counts[l] == 0 { start(l) } else { counts[l] };
                    label.push_str(&levels[l].format.render(n));
                }
                _ => label.push(ch),
            }
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(Label::Numbered(label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="BAB %1"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="7"><w:abstractNumId w:val="3"/>
          <w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
      </w:numbering>"#;

    fn labels(steps: &[(&str, usize)]) -> Vec<Option<Label>> {
        let numbering = Numbering::parse(XML).unwrap();
        let mut counter = Counter::default();
        steps.iter().map(|(id, level)| counter.next(&numbering, id, *level)).collect()
    }

    fn n(text: &str) -> Option<Label> {
        Some(Label::Numbered(text.into()))
    }

    #[test]
    fn levels_count_and_restart() {
        assert_eq!(
            labels(&[("5", 0), ("5", 1), ("5", 1), ("5", 0), ("5", 1), ("5", 2)]),
            [n("1."), n("a)"), n("b)"), n("2."), n("a)"), n("2.1")]
        );
    }

    #[test]
    fn bullets_patterns_overrides_and_unknown_lists() {
        assert_eq!(
            labels(&[("6", 0), ("7", 0), ("7", 0), ("0", 0), ("99", 0)]),
            [Some(Label::Bullet), n("BAB III"), n("BAB IV"), None, None]
        );
    }

    #[test]
    fn letters_and_numerals() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(0), "I");
    }
}
