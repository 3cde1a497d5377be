//! C207 never fires on a share that some whole number gives: k of n, printed with 0 to 2
//! decimals (half up or half even), in a sentence "X% dari n pegawai".

use periksa::figures::Locale;
use periksa::knowledge::Knowledge;
use periksa::read::{read_document, ReadOptions, SourceFile, SourceKind};
use periksa::rules::check_document;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

fn c207_findings(share: &str, whole: &str) -> usize {
    let text = format!("# Pegawai\n\nSebanyak {share}% dari {whole} pegawai telah dilatih.\n");
    let source = SourceFile::new("grim.md".into(), SourceKind::Markdown, text);
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    let doc = read_document(source, &options);
    check_document(&doc, &knowledge).iter().filter(|f| f.code == "C207").count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_whole_share_never_fires(
        (n, k) in (1u32..2000).prop_flat_map(|n| (Just(n), 0..=n)),
        decimals in 0u32..=2,
        even in any::<bool>(),
    ) {
        let strategy = if even {
            RoundingStrategy::MidpointNearestEven
        } else {
            RoundingStrategy::MidpointAwayFromZero
        };
        let share = (Decimal::from(k) * Decimal::ONE_HUNDRED / Decimal::from(n))
            .round_dp_with_strategy(decimals, strategy);
        let id = Locale::Id;
        let found = c207_findings(&id.format(share, decimals), &id.format(Decimal::from(n), 0));
        prop_assert_eq!(found, 0, "{} of {} printed as {}", k, n, share);
    }
}
