//! `periksa rules` and `periksa explain`.

use crate::rules::Rule;

/// One line per check: code, name, default severity, what it flags.
pub fn render_list(rules: &[Rule]) -> String {
    let name_width = rules.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in rules {
        out.push_str(&format!(
            "{}  {:<name_width$}  {:<7}  {}\n",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary()
        ));
    }
    out.push_str("\n`periksa explain CODE` tells what a check does, with an example.\n");
    out
}

/// The documentation of a check, with its default severity.
pub fn render_explanation(rule: &Rule) -> String {
    let mut out = rule.explanation();
    out.push_str(&format!("\nDefault severity: {}.\n", rule.severity.as_str()));
    out
}
