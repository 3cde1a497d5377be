//! Finding, among many printed figures, those an interval meets, without comparing it
//! with every one: a report of a thousand chapters has a thousand budget tables, and each
//! budget paragraph looks for the table whose allocation it gives.

use super::Interval;
use rust_decimal::Decimal;

/// Intervals sorted by their lower end, with the width of the widest: an interval that
/// meets `query` starts no lower than `query.lo − widest` and no higher than `query.hi`,
/// so only that stretch is read.
#[derive(Debug, Default)]
pub struct Overlaps {
    /// (lower end, upper end, position in the order given), by lower end.
    by_lo: Vec<(Decimal, Decimal, usize)>,
    /// `None` when a width overflows a decimal: then every interval up to `query.hi` is read.
    widest: Option<Decimal>,
}

impl Overlaps {
    pub fn new(intervals: impl IntoIterator<Item = Interval>) -> Overlaps {
        let mut by_lo: Vec<(Decimal, Decimal, usize)> =
            intervals.into_iter().enumerate().map(|(i, v)| (v.lo, v.hi, i)).collect();
        by_lo.sort_unstable_by_key(|a| (a.0, a.2));
        let widest = by_lo
            .iter()
            .try_fold(Decimal::ZERO, |widest, (lo, hi, _)| Some(widest.max(hi.checked_sub(*lo)?)));
        Overlaps { by_lo, widest }
    }

    /// The positions (in the order the intervals were given) of those that meet `query`,
    /// in that order.
    pub fn meeting(&self, query: &Interval) -> Vec<usize> {
        let from = match self.widest.and_then(|w| query.lo.checked_sub(w)) {
            Some(lowest) => self.by_lo.partition_point(|(lo, _, _)| *lo < lowest),
            None => 0,
        };
        let to = self.by_lo.partition_point(|(lo, _, _)| *lo <= query.hi);
        let mut found: Vec<usize> = self.by_lo[from..to.max(from)]
            .iter()
            .filter(|(lo, hi, _)| Interval { lo: *lo, hi: *hi }.meets(query))
            .map(|&(_, _, i)| i)
            .collect();
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn interval(lo: i64, hi: i64) -> Interval {
        Interval { lo: Decimal::from(lo), hi: Decimal::from(hi) }
    }

    #[test]
    fn finds_what_meets_in_the_order_given() {
        let overlaps =
            Overlaps::new([interval(10, 12), interval(0, 1), interval(11, 11), interval(20, 30)]);
        assert_eq!(overlaps.meeting(&interval(11, 11)), [0, 2]);
        assert_eq!(overlaps.meeting(&interval(12, 25)), [0, 3]);
        assert_eq!(overlaps.meeting(&interval(2, 9)), Vec::<usize>::new());
        assert_eq!(Overlaps::new([]).meeting(&interval(0, 1)), Vec::<usize>::new());
    }

    #[test]
    fn a_width_beyond_a_decimal_reads_every_lower_start() {
        let huge = Interval { lo: Decimal::MIN, hi: Decimal::MAX };
        let overlaps = Overlaps::new([huge, interval(5, 6)]);
        assert_eq!(overlaps.meeting(&interval(6, 7)), [0, 1]);
    }

    proptest! {
        /// The same answer as comparing the query with every interval.
        #[test]
        fn agrees_with_comparing_every_one(
            spans in proptest::collection::vec((-50i64..50, 0i64..20), 0..40),
            query in (-60i64..60, 0i64..20),
        ) {
            let intervals: Vec<Interval> =
                spans.iter().map(|&(lo, w)| interval(lo, lo + w)).collect();
            let query = interval(query.0, query.0 + query.1);
            let every: Vec<usize> =
                (0..intervals.len()).filter(|&i| intervals[i].meets(&query)).collect();
            prop_assert_eq!(Overlaps::new(intervals).meeting(&query), every);
        }
    }
}
