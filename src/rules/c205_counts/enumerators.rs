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

#[cfg(test)]
mod tests {
    use super::*;

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
