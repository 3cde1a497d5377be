//! The mark that numbers or letters a list item at the start of a line: `a)`, `1.`, `(2)`.

/// Items numbered (1, 2, 3) or lettered (a, b, c).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enumeration {
    Digits,
    Letters,
}

/// An enumerator at the start of a line: `a)`, `1.`, `(2)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enumerator {
    pub kind: Enumeration,
    pub close: char,
    pub ordinal: u32,
}

/// The enumerator a line starts with: a lower-case letter or one or two digits, closed by
/// `.` or `)` (or in parentheses), then a space.
pub fn enumerator(line: &str) -> Option<Enumerator> {
    let line = line.trim_start();
    let (open, rest) = match line.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let (kind, ordinal, len) = if first.is_ascii_lowercase() {
        (Enumeration::Letters, u32::from(first) - u32::from('a') + 1, 1)
    } else if first.is_ascii_digit() {
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if len > 2 {
            return None;
        }
        (Enumeration::Digits, rest[..len].parse().ok()?, len)
    } else {
        return None;
    };
    let mut after = rest[len..].chars();
    let close = after.next()?;
    if !(close == ')' || (close == '.' && !open)) {
        return None;
    }
    if !after.next().is_some_and(char::is_whitespace) || ordinal == 0 {
        return None;
    }
    Some(Enumerator { kind, close, ordinal })
}

impl Enumerator {
    /// Whether `line`, which this enumerator starts, goes on to the next item in the same
    /// line: "a) menyelenggarakan pelatihan; b) memperluas kemitraan; dan c) …" is a whole
    /// list written inline, which a count of lines would take for one item.
    pub fn runs_on_inline(&self, line: &str) -> bool {
        let Some(next) = self.ordinal.checked_add(1) else { return false };
        let next = match self.kind {
            Enumeration::Digits => next.to_string(),
            Enumeration::Letters => match char::from_u32(u32::from('a') + next - 1) {
                Some(letter) if letter.is_ascii_lowercase() => letter.to_string(),
                _ => return false,
            },
        };
        let mark = format!(" {next}{} ", self.close);
        let parenthesised = format!(" ({next}) ");
        let line = line.trim_start();
        // After the item's own mark.
        let rest = line.split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
        let rest = format!(" {rest} ");
        rest.contains(&mark)
            || (self.close == ')' && line.starts_with('(') && rest.contains(&parenthesised))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_written_inline() {
        let runs_on = |s: &str| enumerator(s).is_some_and(|e| e.runs_on_inline(s));
        assert!(runs_on("a) pelatihan; b) kemitraan; dan c) tata kelola."));
        assert!(runs_on("1. pertama, 2. kedua"));
        assert!(runs_on("(1) pertama; (2) kedua"));
        assert!(!runs_on("a) pelatihan vokasi yang relevan;"));
        assert!(!runs_on("b) memperluas kemitraan; d) mewujudkan"), "the next of b) is c)");
        assert!(!runs_on("1. naik 2 kali"));
    }

    #[test]
    fn enumerators_at_the_start_of_a_line() {
        let e = |s: &str| enumerator(s).map(|e| (e.kind, e.close, e.ordinal));
        assert_eq!(e("a) misi"), Some((Enumeration::Letters, ')', 1)));
        assert_eq!(e("c. misi"), Some((Enumeration::Letters, '.', 3)));
        assert_eq!(e("12. misi"), Some((Enumeration::Digits, '.', 12)));
        assert_eq!(e("(2) misi"), Some((Enumeration::Digits, ')', 2)));
        assert_eq!(e("2024. Tahun"), None);
        assert_eq!(e("A. CAPAIAN"), None);
        assert_eq!(e("a.b"), None);
        assert_eq!(e("Misi"), None);
    }
}
