//! Outlet normalisation: how scraped files write an outlet → its Chinese and English names.

use chanjiao::tagging::sources::{outlet, outlet_data_problems, outlet_key, outlets};

fn zh(written: &str) -> Option<&'static str> {
    outlet(written).map(|o| o.zh)
}

#[test]
fn the_data_file_is_clean() {
    let problems = outlet_data_problems();
    assert!(
        problems.is_empty(),
        "sources.tsv problems:\n{}",
        problems.join("\n")
    );
    assert!(outlets().len() >= 250, "only {} outlets", outlets().len());
}

#[test]
fn aggregator_pinyin() {
    let cases = [
        ("Ren Min Ri Bao", "人民日报"),
        ("Ren Min Ri Bao Hai Wai Ban", "人民日报海外版"),
        ("Zhong Guo Xin Wen Wang", "中国新闻网"),
        ("Jing Ji Ri Bao", "经济日报"),
        ("Yang Zi Wan Bao Wang", "扬子晚报网"),
        ("Huan Qiu Wang", "环球网"),
        ("Guang Xi Ri Bao", "广西日报"),
        ("Xin Lang Cai Jing", "新浪财经"),
        ("Xin Hua Ri Bao", "新华日报"),
        ("Sou Hu Cai Jing", "搜狐财经"),
        ("Zhong Guo Jing Ji Wang", "中国经济网"),
        ("Yang Shi Wang", "央视网"),
        ("Xin Jing Bao", "新京报"),
        ("Qi Lu Wan Bao Wang", "齐鲁晚报网"),
        ("Xin Hua Wang", "新华网"),
        ("3 6 Ke", "36氪"),
        ("Nan Fang Ri Bao", "南方日报"),
        ("Da Zhong Ri Bao", "大众日报"),
        ("Peng Pai Xin Wen", "澎湃新闻"),
        ("Di Yi Cai Jing", "第一财经"),
        ("2 1 Shi Ji Jing Ji Bao Dao", "21世纪经济报道"),
        ("Chu Tian Du Shi Bao", "楚天都市报"),
        ("Hong Wang", "红网"),
        ("Zhong Guo Jiao Yu Bao", "中国教育报"),
        ("Guang Ming Ri Bao", "光明日报"),
        ("Da Gong Wen Hui Wang", "大公文汇网"),
    ];
    for (written, expected) in cases {
        assert_eq!(zh(written), Some(expected), "{written}");
    }
}

#[test]
fn english_and_chinese_names() {
    let cases = [
        ("China Daily", "中国日报"),
        ("Xinhua", "新华社"),
        ("People's Daily", "人民日报"),
        ("People’s Daily", "人民日报"),
        ("CGTN", "中国国际电视台"),
        ("Global Times", "环球时报"),
        ("The Paper", "澎湃新闻"),
        ("South China Morning Post", "南华早报"),
        ("人民日报", "人民日报"),
        ("36氪", "36氪"),
        ("36Kr", "36氪"),
        ("大公文匯網", "大公文汇网"),
        ("大公文汇网", "大公文汇网"),
    ];
    for (written, expected) in cases {
        assert_eq!(zh(written), Some(expected), "{written}");
    }
    let pd = outlet("Ren Min Ri Bao");
    assert_eq!(pd.map(|o| o.en), Some("People's Daily"));
    assert_eq!(
        outlet("Jing Ji Ri Bao").map(|o| o.en),
        Some("Economic Daily")
    );
}

#[test]
fn case_spaces_punctuation_and_script_do_not_matter() {
    for written in [
        "renminribao",
        "Ren Min Ri Bao",
        "RenMin RiBao",
        "REN MIN RI BAO",
        "  Ren  Min  Ri  Bao  ",
        "Ren-Min-Ri-Bao",
        "人民日報",
        "人民日报·",
        "《人民日报》",
    ] {
        assert_eq!(zh(written), Some("人民日报"), "{written:?}");
    }
    assert_eq!(zh("３６氪"), Some("36氪"));
    assert_eq!(zh("www.xinhuanet.com"), Some("新华网"));
    assert_eq!(zh("https://www.chinadaily.com.cn"), Some("中国日报网"));
    assert_eq!(outlet_key("Ren Min Ri Bao"), "renminribao");
}

#[test]
fn matching_is_exact_on_the_normalised_form() {
    // A longer name is never swallowed by a shorter one, and vice versa.
    assert_eq!(zh("Ren Min Ri Bao Hai Wai Ban"), Some("人民日报海外版"));
    assert_eq!(zh("Ren Min Ri Bao Hai Wai"), None);
    assert_eq!(zh("Ren Min"), None);
    assert_eq!(zh("Yang Zi Wan Bao"), Some("扬子晚报"));
    assert_eq!(zh("Yang Zi Wan Bao Wang"), Some("扬子晚报网"));
    assert_eq!(zh("Qi Lu Wan Bao"), Some("齐鲁晚报"));
    assert_eq!(zh("Xin Hua She"), Some("新华社"));
    assert_eq!(zh("Zhong Guo Xin Wen Wang Ren Min Ri Bao"), None);
}

#[test]
fn app_and_account_suffixes_fall_back_to_the_outlet() {
    assert_eq!(zh("人民日报客户端"), Some("人民日报"));
    assert_eq!(zh("Xin Hua She Ke Hu Duan"), Some("新华社"));
    assert_eq!(zh("澎湃新闻APP"), Some("澎湃新闻"));
    assert_eq!(zh("客户端"), None);
}

#[test]
fn unknown_and_empty() {
    for written in [
        "",
        "  ",
        "·",
        "Some Local Blog",
        "Workflow",
        "Search documents",
    ] {
        assert_eq!(zh(written), None, "{written:?}");
    }
}

#[test]
fn ambiguous_toneless_pinyin_stays_unresolved() {
    // 山西日报 and 陕西日报 are both "Shan Xi Ri Bao": we do not guess.
    assert_eq!(zh("Shan Xi Ri Bao"), None);
    assert_eq!(zh("山西日报"), Some("山西日报"));
    assert_eq!(zh("陕西日报"), Some("陕西日报"));
    assert_eq!(zh("Shaanxi Daily"), Some("陕西日报"));
    assert_eq!(zh("Shanxi Daily"), Some("山西日报"));
}

#[test]
fn every_outlet_is_found_by_its_own_names() {
    for o in outlets() {
        assert_eq!(outlet(o.zh), Some(o), "{}", o.zh);
        assert_eq!(outlet(o.en), Some(o), "{}", o.en);
        assert_eq!(outlet(&o.en.to_uppercase()), Some(o), "{}", o.en);
    }
}

#[test]
fn every_province_has_its_party_daily() {
    for paper in [
        "北京日报",
        "天津日报",
        "河北日报",
        "山西日报",
        "内蒙古日报",
        "辽宁日报",
        "吉林日报",
        "黑龙江日报",
        "解放日报",
        "新华日报",
        "浙江日报",
        "安徽日报",
        "福建日报",
        "江西日报",
        "大众日报",
        "河南日报",
        "湖北日报",
        "湖南日报",
        "南方日报",
        "广西日报",
        "海南日报",
        "重庆日报",
        "四川日报",
        "贵州日报",
        "云南日报",
        "西藏日报",
        "陕西日报",
        "甘肃日报",
        "青海日报",
        "宁夏日报",
        "新疆日报",
    ] {
        assert_eq!(zh(paper), Some(paper));
    }
}

#[test]
fn chinese_names_are_simplified() {
    for o in outlets() {
        assert_eq!(chanjiao::text::to_simplified(o.zh), o.zh);
    }
}
