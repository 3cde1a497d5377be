//! A101 never fires on rounding and always fires on a real slip.
//!
//! Random targets and realisations are printed with 0 to 2 decimals, and their percentage
//! is rounded half-up or half-even to 0 to 2 decimals: A101 must stay silent. A percentage
//! further than one unit of its last decimal from every value the printed inputs allow
//! (computed here independently, from the inputs' rounding intervals) must always fire.

use periksa::figures::Locale;
use periksa::knowledge::Knowledge;
use periksa::read::{read_document, ReadOptions, SourceFile, SourceKind};
use periksa::rules::check_document;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

/// A figure printed with 0 to 2 decimals: its value and decimals.
fn printed_figure(min: i64) -> impl Strategy<Value = (Decimal, u32)> {
    (0u32..=2).prop_flat_map(move |decimals| {
        let scale = 10i64.pow(decimals);
        (min * scale..=200_000 * scale).prop_map(move |m| (Decimal::new(m, decimals), decimals))
    })
}

/// The A101 findings of a one-row report.
fn a101_findings(target: &str, realisation: &str, percent: &str) -> usize {
    let text = format!(
        "# Capaian\n\n**Tabel 3.1**\nCapaian Kinerja\n\n\
         | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |\n\
         |----|-------------------|--------|-----------|-------------|\n\
         | 1. | Jumlah peserta pelatihan | {target} | {realisation} | {percent} |\n"
    );
    let source = SourceFile::new("sifat.md".into(), SourceKind::Markdown, text);
    let mut knowledge = Knowledge::builtin();
    // Only realisation / target × 100, so that the slips below cannot match the
    // lower-is-better formula by chance.
    knowledge.policy.accept_lower_is_better_when_undeclared = false;
    // No capped achievements either: a slip may land on a cap such as 120.
    knowledge.policy.achievement_caps.clear();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    let doc = read_document(source, &options);
    check_document(&doc, &knowledge).iter().filter(|f| f.code == "A101").count()
}

/// Half a unit of the last of `decimals` decimals, or zero for an integer (exact).
fn half_unit(decimals: u32) -> Decimal {
    if decimals == 0 {
        Decimal::ZERO
    } else {
        Decimal::new(5, decimals + 1)
    }
}

fn rounding() -> impl Strategy<Value = RoundingStrategy> {
    prop_oneof![
        Just(RoundingStrategy::MidpointAwayFromZero),
        Just(RoundingStrategy::MidpointNearestEven)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn rounding_never_fires(
        (t, dt) in printed_figure(1),
        (r, dr) in printed_figure(0),
        k in 0u32..=2,
        strategy in rounding(),
    ) {
        let exact = r / t * Decimal::ONE_HUNDRED;
        let percent = exact.round_dp_with_strategy(k, strategy);
        let id = Locale::Id;
        let found = a101_findings(&id.format(t, dt), &id.format(r, dr), &id.format(percent, k));
        prop_assert_eq!(found, 0, "{} / {} printed as {}", t, r, percent);
    }

    #[test]
    fn a_slip_beyond_the_rounding_width_always_fires(
        (t, dt) in printed_figure(1),
        (r, dr) in printed_figure(0),
        k in 0u32..=2,
        steps in 2i64..40,
        up in any::<bool>(),
    ) {
        // Every value the printed inputs allow lies in [lo, hi].
        let (ht, hr) = (half_unit(dt), half_unit(dr));
        prop_assume!(t - ht > Decimal::ZERO);
        let lo = (r - hr).max(Decimal::ZERO) / (t + ht) * Decimal::ONE_HUNDRED;
        let hi = (r + hr) / (t - ht) * Decimal::ONE_HUNDRED;
        let unit = Decimal::new(1, k);
        let slip = unit * Decimal::from(steps);
        let percent = if up {
            hi.round_dp_with_strategy(k, RoundingStrategy::ToPositiveInfinity) + slip
        } else {
            lo.round_dp_with_strategy(k, RoundingStrategy::ToNegativeInfinity) - slip
        };
        prop_assume!(percent >= Decimal::ZERO);
        // More than one unit of the last decimal away from every allowed value.
        prop_assert!(percent - hi > unit || lo - percent > unit);
        let id = Locale::Id;
        let found = a101_findings(&id.format(t, dt), &id.format(r, dr), &id.format(percent, k));
        prop_assert_eq!(found, 1, "{} / {} printed as {}", t, r, percent);
    }
}
