//! The indicators of a report: every name a table gives an indicator row, with the names
//! that mean the same indicator made one.
//!
//! Reports name an indicator in slightly different words from table to table ("Nilai
//! IKPA", "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)"). Names are compared as
//! word sets ([`crate::knowledge::Names`]); an identical word set is found by hashing, a
//! similar one through an index from words to the indicators that have them, so no name
//! is compared with every other.

use crate::knowledge::names::{words_of, Words};
use crate::knowledge::Names;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// An indicator: its index in [`Indicators::all`].
pub type IndicatorId = usize;

/// A word shared by more indicators than this says too little to find candidates with.
const COMMON_WORD: usize = 64;

#[derive(Debug, Clone)]
pub struct Indicator {
    /// The name as first printed.
    pub name: String,
    /// Shared with the index of word sets already met: one copy of the words, not two.
    pub words: Arc<Words>,
}

#[derive(Debug, Default)]
pub struct Indicators {
    pub all: Vec<Indicator>,
    exact: HashMap<Arc<Words>, IndicatorId>,
    by_word: HashMap<String, Vec<IndicatorId>>,
}

impl Indicators {
    /// The indicator a table names `name`: an indicator already met under these words or
    /// words like them (exactly one such), or a new one.
    pub fn id_for(&mut self, names: &Names, name: &str) -> Option<IndicatorId> {
        let words = names.words(name);
        if words.is_empty() {
            return None;
        }
        if let Some(&id) = self.exact.get(&words) {
            return Some(id);
        }
        let (shared, common) = self.shared_counts(words.iter().map(String::as_str));
        let similar: HashSet<IndicatorId> = shared
            .into_iter()
            .filter(|&(id, n)| {
                names.could_be_same(words.len(), self.all[id].words.len(), n + common)
            })
            .map(|(id, _)| id)
            .filter(|&id| names.same(self.all[id].words.as_ref(), &words))
            .collect();
        let words = Arc::new(words);
        let id = match similar.len() {
            1 => similar.into_iter().next().unwrap_or_default(),
            // Like two indicators at once: a name of its own.
            _ => self.add(name, Arc::clone(&words)),
        };
        self.exact.insert(words, id);
        Some(id)
    }

    fn add(&mut self, name: &str, words: Arc<Words>) -> IndicatorId {
        let id = self.all.len();
        for w in words.iter() {
            match self.by_word.get_mut(w.as_str()) {
                Some(ids) => ids.push(id),
                None => {
                    self.by_word.insert(w.clone(), vec![id]);
                }
            }
        }
        self.all.push(Indicator { name: name.to_string(), words });
        id
    }

    /// The indicators that share a telling word with `words`, each with how many of
    /// `words` it has, and how many of `words` are too common to look up (shared by more
    /// than [`COMMON_WORD`] indicators: any indicator may have them).
    fn shared_counts<'w>(
        &self,
        words: impl IntoIterator<Item = &'w str>,
    ) -> (HashMap<IndicatorId, usize>, usize) {
        let mut shared: HashMap<IndicatorId, usize> = HashMap::default();
        let mut common = 0;
        for ids in words.into_iter().filter_map(|w| self.by_word.get(w)) {
            if ids.len() > COMMON_WORD {
                common += 1;
                continue;
            }
            for &id in ids {
                *shared.entry(id).or_default() += 1;
            }
        }
        (shared, common)
    }

    /// The indicators a text names (as `Names::named_in` says), without
    /// those whose words are all part of another one's named too ("Nilai Kinerja" inside
    /// "Nilai Kinerja Anggaran").
    pub fn named_in(&self, names: &Names, text: &str) -> Vec<IndicatorId> {
        let lower = text.to_lowercase();
        let set: HashSet<&str> = names.compared_words(&lower).collect();
        let (present, common) = self.shared_counts(set.iter().copied());
        let mut found: Vec<IndicatorId> = present
            .into_iter()
            .filter(|&(id, n)| names.could_be_named(self.all[id].words.len(), n + common))
            .map(|(id, _)| id)
            .filter(|&id| names.named_in(&self.all[id].words, &set))
            .collect();
        found.sort_unstable();
        let inside = |a: IndicatorId, b: IndicatorId| {
            a != b && self.all[a].words.is_subset(&self.all[b].words)
        };
        let kept: Vec<IndicatorId> =
            found.iter().copied().filter(|&a| !found.iter().any(|&b| inside(a, b))).collect();
        kept
    }
}

/// The words of a text, lower-cased, for a quick look ("does it say 'target'?").
pub fn plain_words(text: &str) -> Vec<String> {
    words_of(&text.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    #[test]
    fn names_of_one_indicator_get_one_id() {
        let k = Knowledge::builtin();
        let mut ind = Indicators::default();
        let a = ind.id_for(&k.names, "Nilai IKPA");
        let b = ind.id_for(&k.names, "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)");
        let c = ind.id_for(&k.names, "Nilai Capaian Kinerja Anggaran");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(ind.named_in(&k.names, "Realisasi nilai IKPA tahun 2024 adalah 89,62"), [0]);
    }
}
