//! Sector data, name lookup and tagging. Every sentence here is written for this test.

use chanjiao::tagging::sectors::{
    Sector, score_sectors, sector_by_name, sector_data_problems, sectors, suggest_sector,
    tag_sectors,
};

const SPEC_SLUGS: [&str; 21] = [
    "smart-manufacturing",
    "new-energy-vehicles",
    "rail-transit",
    "aerospace-low-altitude",
    "shipbuilding-marine",
    "electronics-semiconductors",
    "ai-big-data",
    "cybersecurity",
    "digital-commerce",
    "new-energy",
    "steel-metallurgy",
    "chemicals",
    "new-materials",
    "agriculture",
    "food",
    "biomedicine",
    "logistics-cold-chain",
    "elderly-care-health",
    "culture-tourism-crafts",
    "construction",
    "green-low-carbon",
];

fn tags(title: &str, body: &str) -> Vec<&'static str> {
    tag_sectors(title, body)
}

fn has(title: &str, body: &str, slug: &str) -> bool {
    tags(title, body).contains(&slug)
}

/// True when the sector scores at all (even below the tagging threshold).
fn mentioned(title: &str, body: &str, slug: &str) -> bool {
    score_sectors(title, body).iter().any(|(s, _)| *s == slug)
}

fn slug_of(name: &str) -> Option<&'static str> {
    sector_by_name(name).map(|s| s.slug)
}

// ───────────────────────────── data ─────────────────────────────

#[test]
fn the_data_file_is_clean() {
    let problems = sector_data_problems();
    assert!(
        problems.is_empty(),
        "sectors.toml problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn twenty_one_sectors_in_spec_order() {
    let slugs: Vec<&str> = sectors().iter().map(|s| s.slug).collect();
    assert_eq!(slugs, SPEC_SLUGS);
}

#[test]
fn names_and_groups_match_the_spec() {
    let by = |slug: &str| -> Sector {
        *sectors()
            .iter()
            .find(|s| s.slug == slug)
            .unwrap_or_else(|| panic!("no {slug}"))
    };
    assert_eq!(by("smart-manufacturing").zh, "智能制造与装备");
    assert_eq!(by("ai-big-data").zh, "人工智能与大数据");
    assert_eq!(by("ai-big-data").en, "AI, large models, big data, cloud");
    assert_eq!(by("logistics-cold-chain").zh, "现代物流与冷链");
    assert_eq!(by("green-low-carbon").group_en, "Infrastructure & green");
    assert_eq!(by("food").group_en, "Agriculture & bio");
    let groups: Vec<&str> = {
        let mut g: Vec<&str> = sectors().iter().map(|s| s.group_en).collect();
        g.dedup();
        g
    };
    assert_eq!(
        groups,
        [
            "Advanced manufacturing",
            "Digital",
            "Energy & materials",
            "Agriculture & bio",
            "Modern services",
            "Infrastructure & green"
        ]
    );
    for s in sectors() {
        assert!(
            !s.group_zh.is_empty() && !s.zh.is_empty() && !s.en.is_empty(),
            "{s:?}"
        );
    }
}

#[test]
fn every_sector_has_chinese_and_english_keywords() {
    let raw = include_str!("../assets/sectors.toml");
    let table: toml::Table = toml::from_str(raw).unwrap_or_else(|e| panic!("{e}"));
    let list = table
        .get("sector")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    assert_eq!(list.len(), 21);
    for entry in list {
        let slug = entry
            .get("slug")
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_string();
        for field in ["zh_strong", "en_strong"] {
            let n = entry
                .get(field)
                .and_then(|v| v.as_array())
                .map_or(0, Vec::len);
            assert!(n >= 3, "{slug}: only {n} {field} keywords");
        }
    }
}

// ───────────────────────────── names ─────────────────────────────

#[test]
fn every_sector_is_found_by_its_own_names() {
    for s in sectors() {
        assert_eq!(sector_by_name(s.slug), Some(s));
        assert_eq!(sector_by_name(s.zh), Some(s));
        assert_eq!(sector_by_name(s.en), Some(s));
        assert_eq!(sector_by_name(&s.slug.to_uppercase()), Some(s));
    }
}

#[test]
fn names_in_any_case_spacing_and_script() {
    for name in [
        "ai-big-data",
        "AI-Big-Data",
        "ai big data",
        "AI_BIG_DATA",
        "人工智能与大数据",
        "人工智能與大數據",
        "人工智能和大数据",
        "人工智能",
        "AI",
        "ai",
        "ＡＩ",
        "big data",
        "大数据",
    ] {
        assert_eq!(slug_of(name), Some("ai-big-data"), "{name}");
    }
    assert_eq!(slug_of("物流"), Some("logistics-cold-chain"));
    assert_eq!(slug_of("冷鏈"), Some("logistics-cold-chain"));
    assert_eq!(slug_of("Logistics"), Some("logistics-cold-chain"));
    assert_eq!(slug_of("robots"), Some("smart-manufacturing"));
    assert_eq!(slug_of("CNC"), Some("smart-manufacturing"));
    assert_eq!(slug_of("新能源汽车"), Some("new-energy-vehicles"));
    assert_eq!(slug_of("NEV"), Some("new-energy-vehicles"));
    assert_eq!(slug_of("新能源"), Some("new-energy"));
    assert_eq!(slug_of("光伏"), Some("new-energy"));
    assert_eq!(
        slug_of("Shipbuilding and marine engineering"),
        Some("shipbuilding-marine")
    );
    assert_eq!(
        slug_of("Shipbuilding & marine engineering"),
        Some("shipbuilding-marine")
    );
    assert_eq!(slug_of("信创"), Some("cybersecurity"));
    assert_eq!(slug_of("非遗"), Some("culture-tourism-crafts"));
    assert_eq!(slug_of("钢铁"), Some("steel-metallurgy"));
    assert_eq!(slug_of("化工"), Some("chemicals"));
    assert_eq!(slug_of("养老"), Some("elderly-care-health"));
}

#[test]
fn unknown_names_are_none() {
    for name in ["", "  ", "-", "education", "职业教育", "smart", "xyzzy"] {
        assert_eq!(slug_of(name), None, "{name:?}");
    }
}

#[test]
fn suggestions_for_typos_and_fragments() {
    let sug = |s: &str| suggest_sector(s).map(|x| x.slug);
    assert_eq!(sug("smart-manufacturng"), Some("smart-manufacturing"));
    assert_eq!(sug("new-energy-vehicle"), Some("new-energy-vehicles"));
    assert_eq!(sug("stel"), Some("steel-metallurgy"));
    assert_eq!(sug("logistic"), Some("logistics-cold-chain"));
    assert_eq!(sug("cyber-security"), Some("cybersecurity"));
    assert_eq!(sug("semiconductor"), Some("electronics-semiconductors"));
    assert_eq!(sug("人工智"), Some("ai-big-data"));
    assert_eq!(sug("生物医"), Some("biomedicine"));
    // An exact name is its own suggestion.
    assert_eq!(sug("food"), Some("food"));
    assert_eq!(sug("qqqqqqqq"), None);
    assert_eq!(sug(""), None);
}

// ───────────────────────────── tagging: stories ─────────────────────────────

#[test]
fn generic_vocational_story_has_no_sector() {
    let t = "市域产教联合体建设提速 职业院校专业设置更贴近需求";
    let b = "今年以来,多地推动职业院校与行业企业共建实训基地,推行现代学徒制和订单班。\n\
             学校邀请企业导师进课堂,学生在真实岗位上练本领,毕业生就业率稳步提高。";
    assert_eq!(tags(t, b), Vec::<&str>::new());
    let t = "Vocational colleges deepen school-enterprise cooperation";
    let b = "The province's vocational colleges signed agreements with local employers.\n\
             Group 1: Training\n- Students spend a semester in internships [1]\n\
             - Teachers take part in enterprise practice and the construction of new curricula [2]";
    assert_eq!(tags(t, b), Vec::<&str>::new());
    assert_eq!(tags("", ""), Vec::<&str>::new());
}

#[test]
fn cold_chain_partnership_leads_with_logistics() {
    let t = "商贸职院携手制冷企业 共建冷链物流专业群";
    let b = "一所商贸类高职院校与本地一家制冷设备企业合作多年,为冷链行业培养技术人才。\n\
             双方共建冷链物流产业学院,开设冷库运维、智能温控等课程。\n\
             学院还引入“绿色低碳工程师”等新岗位标准,服务现代农业。";
    let got = tags(t, b);
    assert_eq!(got.first(), Some(&"logistics-cold-chain"), "{got:?}");
    assert!(!got.contains(&"food"), "{got:?}");
}

#[test]
fn traditional_industries_story_ranks_steel_then_chemicals() {
    let t = "职业教育助力传统产业焕新";
    let b = "Steel makers in the province are moving from sheer output to quality, and they need \
             technicians who can run smart blast furnaces.\n\
             Group 1: Industry Change\n\
             - The steel industry wants workers who understand process data [1]\n\
             - In the chemical industry, jobs now centre on quality control and safe operation [2]\n\
             Group 2: New Programs\n\
             - Colleges opened programs in artificial intelligence and the low-altitude economy [3]";
    let got = tags(t, b);
    assert_eq!(got.first(), Some(&"steel-metallurgy"), "{got:?}");
    let pos = |s: &str| got.iter().position(|x| *x == s);
    assert!(pos("chemicals").is_some(), "{got:?}");
    if let Some(ai) = pos("ai-big-data") {
        assert!(
            pos("chemicals") < Some(ai),
            "chemicals should rank above AI: {got:?}"
        );
    }
}

#[test]
fn six_sector_talent_plan_names_all_six() {
    let t = "教育部启动高技能人才集群培养计划";
    let b = "The ministry will train skilled workers in clusters for six advanced manufacturing \
             sectors.\n\
             Group 1: Sectors\n\
             - New energy vehicles, advanced rail transit equipment, aerospace equipment, \
             high-end CNC machine tools and robots, agricultural machinery, and new generation \
             information technology [1]";
    let got = tags(t, b);
    for slug in [
        "new-energy-vehicles",
        "rail-transit",
        "aerospace-low-altitude",
        "smart-manufacturing",
        "agriculture",
        "electronics-semiconductors",
    ] {
        assert!(got.contains(&slug), "missing {slug}: {got:?}");
    }
    // 新能源汽车 / "new energy vehicles" is not the renewables sector.
    assert!(!got.contains(&"new-energy"), "{got:?}");
}

#[test]
fn six_sector_plan_in_chinese() {
    let t = "聚焦六大领域培养高技能人才";
    let b = "计划聚焦新能源汽车、先进轨道交通装备、航空航天装备、高档数控机床和机器人、\
             农业机械装备、新一代信息技术六个先进制造业重点领域。";
    let got = tags(t, b);
    for slug in [
        "new-energy-vehicles",
        "rail-transit",
        "aerospace-low-altitude",
        "smart-manufacturing",
        "agriculture",
        "electronics-semiconductors",
    ] {
        assert!(got.contains(&slug), "missing {slug}: {got:?}");
    }
    assert!(!got.contains(&"new-energy"), "{got:?}");
}

#[test]
fn industrial_internet_security_is_cybersecurity() {
    let t = "工业互联网安全产教融合共同体召开年会";
    let b = "来自行业组织、院校和企业的代表围绕工业互联网安全人才培养展开交流。\n\
             会上发布了网络安全实训基地建设成果。";
    let got = tags(t, b);
    assert_eq!(got.first(), Some(&"cybersecurity"), "{got:?}");
    assert!(!got.contains(&"smart-manufacturing"), "{got:?}");
    let en = tags(
        "Industrial internet security community meets",
        "Members of the industrial internet security alliance reviewed a year of joint \
         cybersecurity training.",
    );
    assert_eq!(en, ["cybersecurity"]);
}

#[test]
fn electronic_information_materials_class() {
    let t = "理工高校开设电子信息材料卓越人才班";
    let b = "The new class trains students in electronic information materials with two partner \
             firms that make electronic components.\n\
             - Courses build on the school's materials science program [1]";
    let got = tags(t, b);
    assert_eq!(got.first(), Some(&"new-materials"), "{got:?}");
    assert!(got.contains(&"electronics-semiconductors"), "{got:?}");
}

#[test]
fn drone_lubricant_story_is_low_altitude_first() {
    let t = "企业来了科技副总 攻关无人机专用润滑油";
    let b = "高校教师到企业担任科技副总,帮助企业研发无人机发动机专用润滑油。\n\
             新产品已与多家无人机整机企业签约,服务低空经济发展。";
    let got = tags(t, b);
    assert_eq!(got.first(), Some(&"aerospace-low-altitude"), "{got:?}");
    assert!(mentioned(t, b, "chemicals"));
}

#[test]
fn english_summary_drone_lubricant() {
    let t = "A technology vice president arrives";
    let b = "University researchers helped a local firm create a two-stroke oil made for drones.\n\
             Group 1: Results\n\
             - The lubricant outlasts imported products in crop-spraying UAVs [1]\n\
             - The firm is talking to drone makers about a production line [2]";
    assert_eq!(tags(t, b).first(), Some(&"aerospace-low-altitude"));
}

#[test]
fn traditional_characters_are_folded() {
    let got = tags(
        "職業院校對接新能源汽車產業",
        "學校與車企共建智能網聯汽車實訓中心。",
    );
    assert_eq!(got.first(), Some(&"new-energy-vehicles"), "{got:?}");
    assert!(has("養老護理專業擴招", "", "elderly-care-health"));
    assert!(has("鋼鐵企業與職校合作", "", "steel-metallurgy"));
}

#[test]
fn mixed_chinese_title_english_body() {
    let got = tags(
        "跨境电商学院成立",
        "The college opened a cross-border e-commerce academy with livestream sales studios.",
    );
    assert_eq!(got, ["digital-commerce"]);
}

// ───────────────────────────── tagging: salience ─────────────────────────────

#[test]
fn title_outweighs_a_body_mention() {
    let t = "Nursing college expands elderly care training";
    let b = "The college will also offer a short course on big data for administrators.\n\
             Most new places are for elderly care and childcare.";
    let got = tags(t, b);
    assert_eq!(got.first(), Some(&"elderly-care-health"), "{got:?}");
}

#[test]
fn passing_mention_in_a_focused_story_is_dropped() {
    let t = "轨道交通学院与中国中车共建动车组检修实训基地";
    let b = "学院与企业共建高铁动车组检修实训中心,学生在真实车间学习转向架检修。\n\
             实训中心引入地铁车辆和城轨信号设备,年培训铁路职工三千人次。\n\
             学院还计划开设一门大数据选修课。";
    assert_eq!(tags(t, b), ["rail-transit"]);
}

#[test]
fn lead_outweighs_later_lines() {
    let b = "The program centres on photovoltaic and wind power maintenance.\n\
             Group 1: Partners\n\
             - One partner also runs a logistics park [1]";
    let got = tags("A new program opens", b);
    assert_eq!(got.first(), Some(&"new-energy"), "{got:?}");
}

#[test]
fn lead_after_a_heading_is_still_the_lead() {
    let b = "Group 1: Overview\n- The school trains shipyard welders and marine engineering technicians [1]\n\
             - Its canteen also hosts a food festival every spring [2]";
    let got = tags("School news", b);
    assert_eq!(got.first(), Some(&"shipbuilding-marine"), "{got:?}");
}

#[test]
fn repetition_has_diminishing_returns() {
    let once = score_sectors("", "x\nrobot");
    let many = score_sectors("", "x\nrobot robot robot robot robot robot robot");
    let s1 = once.first().map_or(0.0, |p| p.1);
    let s7 = many.first().map_or(0.0, |p| p.1);
    assert!(s7 > s1 && s7 <= 3.0 * s1 + 1e-4, "{s1} {s7}");
}

#[test]
fn a_weak_keyword_alone_does_not_tag() {
    // "vehicle", 汽车 and "retail" are weak: one passing mention is not enough.
    assert_eq!(
        tags("", "x\nThe bus is a vehicle for change."),
        Vec::<&str>::new()
    );
    assert!(mentioned(
        "",
        "x\nThe bus is a vehicle for change.",
        "new-energy-vehicles"
    ));
    assert_eq!(tags("", "x\n他乘汽车到学校报到。"), Vec::<&str>::new());
}

#[test]
fn at_most_eight_sectors() {
    let b = "robots, drones, chips, steel, chemicals, rare earths, farming, dairy, vaccines, \
             logistics, nursing, tourism, e-commerce, cybersecurity, big data, railways";
    assert!(tags("", b).len() <= 8);
}

#[test]
fn crlf_bodies() {
    let got = tags(
        "Title",
        "Robots and CNC machine tools lead the list.\r\nMore robots.\r\n",
    );
    assert_eq!(got.first(), Some(&"smart-manufacturing"));
}

// ───────────────────────────── tagging: false positives ─────────────────────────────

#[test]
fn chinese_words_across_word_boundaries_do_not_count() {
    let cases = [
        ("企业带动车间技术改造", "rail-transit"), // 带动 + 车间, not 动车
        ("上海工业职业学院举行开学典礼", "shipbuilding-marine"), // 上海 + 工业, not 海工
        ("学生在实践中通过考核", "logistics-cold-chain"), // 其中 + 通过, not 中通
        ("学院着力培养老师的实践能力", "elderly-care-health"), // 培养 + 老师, not 养老
        ("学院建成数字化工厂", "chemicals"),      // 数字化 + 工厂, not 化工
        ("持续优化工艺流程和强化工作作风", "chemicals"),
        ("新校区建筑面积十万平方米", "construction"),
        ("加强通信创新和诚信创建", "cybersecurity"), // 通信 + 创新, not 信创
        ("提升调节能力和各环节能效", "green-low-carbon"), // 调节 + 能力, not 节能
        ("发挥桥梁纽带作用", "construction"),
        ("培养学生钢铁般的意志", "steel-metallurgy"),
        ("完善养老保险制度", "elderly-care-health"),
        ("维护理念和保护理念", "elderly-care-health"), // not 护理
        ("并非遗憾", "culture-tourism-crafts"),        // not 非遗
        ("学校开展食品安全检查", "food"),
        ("打造智能体育课堂", "ai-big-data"), // not 智能体
    ];
    for (text, slug) in cases {
        assert!(
            !mentioned(text, "", slug),
            "{text} should not mention {slug}"
        );
    }
    // … while the real words still count.
    assert!(has("企业新建化工园区", "", "chemicals"));
    assert!(has("学院开设养老服务专业", "", "elderly-care-health"));
    assert!(has("公司扩建仓储中心", "", "logistics-cold-chain"));
    assert!(!mentioned("公司扩建仓储能力", "", "new-energy"));
    assert!(has("信创产业人才培养基地揭牌", "", "cybersecurity"));
    assert!(has("非遗工坊走进校园", "", "culture-tourism-crafts"));
}

#[test]
fn english_words_need_word_boundaries() {
    assert!(!mentioned(
        "The championship drew record crowds",
        "",
        "electronics-semiconductors"
    ));
    assert!(has(
        "Chips and semiconductors",
        "",
        "electronics-semiconductors"
    ));
    assert!(!mentioned(
        "Every student takes an internship",
        "",
        "shipbuilding-marine"
    ));
    assert!(!mentioned(
        "The mayor said aid would help",
        "",
        "ai-big-data"
    ));
    assert!(!mentioned("Ai Ling, a teacher, spoke", "", "ai-big-data"));
    assert!(has("AI reshapes technician training", "", "ai-big-data"));
    assert!(has("AI-enabled classrooms", "", "ai-big-data"));
    assert!(has("AI赋能技工教育", "", "ai-big-data"));
    assert!(!mentioned(
        "Blue-chip firms chip in for scholarships",
        "",
        "electronics-semiconductors"
    ));
    assert!(!mentioned("Teachers were trained", "", "rail-transit"));
    assert!(!mentioned(
        "The teaching materials were updated",
        "",
        "new-materials"
    ));
    assert!(!mentioned(
        "Schools bridge the gap with firms",
        "",
        "construction"
    ));
}

#[test]
fn english_plurals_and_endings() {
    for t in ["Robot lab opens", "Robots lab opens", "Robotics lab opens"] {
        assert!(has(t, "", "smart-manufacturing"), "{t}");
    }
    assert!(has("Drones and UAVs", "", "aerospace-low-altitude"));
    assert!(has("EVs and NEVs on campus", "", "new-energy-vehicles"));
    assert!(mentioned("", "x\nbatteries", "new-energy"));
    assert!(has("Low-carbon campus", "", "green-low-carbon"));
    assert!(has("LOW CARBON CAMPUS", "", "green-low-carbon"));
    assert!(has("E-commerce academy", "", "digital-commerce"));
    assert!(has("STEEL INDUSTRY SKILLS", "", "steel-metallurgy"));
}

#[test]
fn longer_phrases_win_over_the_words_inside() {
    assert_eq!(tags("新能源汽车实训中心落成", ""), ["new-energy-vehicles"]);
    assert_eq!(
        tags("New energy vehicle training centre opens", ""),
        ["new-energy-vehicles"]
    );
    assert_eq!(
        tags("Industrial internet security lab", ""),
        ["cybersecurity"]
    );
    assert_eq!(
        tags("Unmanned aerial vehicle course", ""),
        ["aerospace-low-altitude"]
    );
    // Policy boilerplate is not the logistics industry; a real supply chain course is.
    assert!(!mentioned(
        "",
        "x\nBoth the industrial chain and supply chain were stable",
        "logistics-cold-chain"
    ));
    assert!(!mentioned(
        "",
        "x\n保障产业链供应链稳定",
        "logistics-cold-chain"
    ));
    assert!(mentioned(
        "",
        "x\nA supply chain management course",
        "logistics-cold-chain"
    ));
}

#[test]
fn figures_of_speech_are_not_industries() {
    assert!(!mentioned(
        "Reform will inject new energy into vocational education",
        "",
        "new-energy"
    ));
    assert!(has("New energy equipment program opens", "", "new-energy"));
    assert!(!mentioned(
        "School logistics support staff honoured",
        "",
        "logistics-cold-chain"
    ));
    assert!(!mentioned(
        "卫星城职教中心开学",
        "",
        "aerospace-low-altitude"
    ));
}
