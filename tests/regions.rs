//! Region tagging (SPEC §3), on sentences written for these tests.

use chanjiao::tagging::regions::{
    RegionInput, province_by_name, provinces, suggest_province, tag_regions,
};

fn tag(title: &str, body: &str) -> Vec<&'static str> {
    tag_regions(&RegionInput {
        title,
        body,
        place: None,
    })
}

fn tag_at(title: &str, body: &str, place: &str) -> Vec<&'static str> {
    tag_regions(&RegionInput {
        title,
        body,
        place: Some(place),
    })
}

// ---------------------------------------------------------------------------------------
// Names of provinces and prefectures, in Chinese, English and traditional characters.

#[test]
fn province_names_in_chinese_and_english() {
    assert_eq!(
        tag("山东职业院校扩招", "山东省今年新设一批专业。"),
        ["Shandong"]
    );
    assert_eq!(
        tag(
            "Shandong expands vocational colleges",
            "Shandong will add new majors this year."
        ),
        ["Shandong"]
    );
    assert_eq!(
        tag("内蒙古自治区职教周启动", "内蒙古各盟市同步开展活动。"),
        ["Inner Mongolia"]
    );
    assert_eq!(
        tag(
            "Inner Mongolia opens skills week",
            "Schools across Inner Mongolia take part."
        ),
        ["Inner Mongolia"]
    );
    assert_eq!(
        tag(
            "Xizang trains herders as technicians",
            "Courses run in Xizang this summer."
        ),
        ["Tibet"]
    );
    assert_eq!(
        tag("澳门与香港合办技能赛", "澳门特区与香港特区的学生同场竞技。"),
        ["Macao", "Hong Kong"]
    );
}

#[test]
fn every_prefecture_city_points_to_its_province() {
    assert_eq!(
        tag("德州新增76个专业", "德州市职业院校与企业共建实训基地。"),
        ["Shandong"]
    );
    assert_eq!(
        tag(
            "Dezhou City adds majors",
            "Dezhou City schools sign deals with local firms."
        ),
        ["Shandong"]
    );
    assert_eq!(
        tag("日喀则职校开设新课程", "日喀则市首批学员结业。"),
        ["Tibet"]
    );
    assert_eq!(
        tag("毕节与铜仁共建实训基地", "毕节、铜仁两地学校签约。"),
        ["Guizhou"]
    );
    assert_eq!(
        tag(
            "Hami and Turpan share a training centre",
            "Students from Hami travel to Turpan."
        ),
        ["Xinjiang"]
    );
    assert_eq!(tag("儋州技工学校招生", "儋州市今年招收新生。"), ["Hainan"]);
    assert_eq!(
        tag("石河子职业技术学院开学", "石河子市迎来新生。"),
        ["Xinjiang"]
    );
}

#[test]
fn districts_counties_and_new_areas_count() {
    assert_eq!(
        tag("东昌府区葫芦产业联盟成立", "东昌府区葫芦种植面积持续扩大。"),
        ["Shandong"]
    );
    assert_eq!(
        tag(
            "Jinpu New Area named an industry-education alliance",
            "Jinpu New Area leads the pilot."
        ),
        ["Liaoning"]
    );
    assert_eq!(
        tag("雄安新区建设职业教育园区", "雄安新区首批学校投入使用。"),
        ["Hebei"]
    );
    assert_eq!(
        tag("义乌电商直播人才培养", "义乌的职业学校开设直播电商专业。"),
        ["Zhejiang"]
    );
    assert_eq!(
        tag("永川职教城迎来新企业", "永川区职业院校与车企合作。"),
        ["Chongqing"]
    );
}

#[test]
fn traditional_characters_read_like_simplified() {
    assert_eq!(
        tag("廣東職業教育新政", "廣州、深圳兩地職業院校擴招。"),
        ["Guangdong"]
    );
    assert_eq!(
        tag("遼寧大連產教融合", "大連市職業院校與企業合作。"),
        ["Liaoning"]
    );
    assert_eq!(
        tag("臺灣高雄技職教育交流", "高雄的技職學校來訪。"),
        ["Taiwan"]
    );
}

#[test]
fn mixed_chinese_title_and_english_body() {
    let body = "Core Viewpoint - Vocational schools in Lanzhou are pairing with local factories [1].\n\
                Group 1: Programs - Lanzhou New Area hosts three new training bases [2].";
    assert_eq!(tag("兰州职业教育新观察", body), ["Gansu"]);
}

// ---------------------------------------------------------------------------------------
// English matching: word boundaries, case, apostrophes.

#[test]
fn english_names_match_on_word_boundaries_only() {
    // "Anshan" inside "Ma'anshan"/"Maanshan" is Anhui's city, not Liaoning's.
    assert_eq!(
        tag(
            "Maanshan upgrades its steel academy",
            "Maanshan schools train steelworkers."
        ),
        ["Anhui"]
    );
    assert_eq!(
        tag(
            "Ma’anshan upgrades its steel academy",
            "Ma'anshan schools train steelworkers."
        ),
        ["Anhui"]
    );
    // No place hides in ordinary words.
    assert_eq!(
        tag(
            "Hefeiyang Corp hires graduates",
            "The hefei-style brand opens a store."
        ),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag(
            "XI'AN COLLEGES JOIN ALLIANCE",
            "Xi'an colleges and Xian schools sign up."
        ),
        ["Shaanxi"]
    );
}

#[test]
fn a_pinyin_given_name_is_not_a_place() {
    // Yuxi (玉溪) and Xinyu (新余) are also common given names.
    let body = "Professor Zhang Xinyu and engineer Li Yuxi spoke at the ceremony in Hangzhou.";
    assert_eq!(
        tag("Hangzhou college opens robotics lab", body),
        ["Zhejiang"]
    );
}

// ---------------------------------------------------------------------------------------
// A pinyin name shared by two prefectures is decided by context or not counted.

#[test]
fn shared_pinyin_alone_is_not_counted() {
    assert_eq!(
        tag(
            "Taizhou schools add nursing majors",
            "Taizhou plans more places."
        ),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag(
            "Yulin opens a coal-chemistry college",
            "Yulin will train 2,000 workers."
        ),
        Vec::<&str>::new()
    );
}

#[test]
fn shared_pinyin_is_decided_by_a_province_named_nearby() {
    assert_eq!(
        tag(
            "New college campus",
            "Students repair batteries at a vocational school in Yichun, Jiangxi province."
        ),
        ["Jiangxi"]
    );
    assert_eq!(
        tag(
            "Forestry school in Heilongjiang's Yichun",
            "Yichun trains forest rangers."
        ),
        ["Heilongjiang"]
    );
    assert_eq!(
        tag(
            "Suzhou in Anhui province builds a logistics school",
            "Suzhou, Anhui, plans more."
        ),
        ["Anhui"]
    );
}

#[test]
fn shared_pinyin_is_decided_by_the_chinese_form() {
    assert_eq!(
        tag(
            "台州职业技术学院新增专业",
            "Taizhou adds three majors this year, Taizhou officials said."
        ),
        ["Zhejiang"]
    );
    assert_eq!(
        tag(
            "泰州医药职教联盟成立",
            "Taizhou's pharmaceutical park joins the alliance."
        ),
        ["Jiangsu"]
    );
    assert_eq!(
        tag(
            "抚州开展技能培训",
            "Fuzhou trains rural workers in e-commerce."
        ),
        ["Jiangxi"]
    );
}

#[test]
fn a_lower_level_namesake_yields_to_the_prefecture_unless_context_says_otherwise() {
    // Pingxiang is 萍乡 (Jiangxi, a prefecture) unless Guangxi is named beside it (凭祥).
    assert_eq!(
        tag(
            "Pingxiang trains ceramic engineers",
            "Pingxiang schools expand."
        ),
        ["Jiangxi"]
    );
    assert_eq!(
        tag(
            "Border trade school opens",
            "The school in Pingxiang, Guangxi, teaches Vietnamese. Pingxiang, Guangxi, is a port."
        ),
        ["Guangxi"]
    );
}

// ---------------------------------------------------------------------------------------
// A district name found in several provinces never decides a province alone.

#[test]
fn shared_district_name_alone_decides_nothing() {
    assert_eq!(
        tag("鼓楼区职业学校开展实训周", "鼓楼区多所学校参加。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag("朝阳区举办技能大赛", "朝阳区职业学校学生参赛。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag(
            "Gulou District hosts a skills week",
            "Gulou District schools join in."
        ),
        Vec::<&str>::new()
    );
}

#[test]
fn shared_district_name_follows_its_city() {
    assert_eq!(
        tag("南京市鼓楼区职业学校开展实训周", "鼓楼区多所学校参加。"),
        ["Jiangsu"]
    );
    assert_eq!(
        tag("福州鼓楼区开展职业体验日", "鼓楼区中小学生走进实训基地。"),
        ["Fujian"]
    );
    assert_eq!(
        tag("北京朝阳区举办技能大赛", "朝阳区职业学校学生参赛。"),
        ["Beijing"]
    );
}

// ---------------------------------------------------------------------------------------
// Company, product and ordinary words are not places.

#[test]
fn company_names_are_not_places() {
    assert_eq!(
        tag("长安汽车与职业院校共建产业学院", "长安汽车将接收实习生。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag("宁德时代招聘技术工人", "宁德时代发布校园招聘计划。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag("阿里巴巴推出数字技能课程", "阿里云提供算力支持。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag("德州仪器捐赠实验设备", "德州仪器工程师授课。"),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag(
            "Alibaba and Huawei sign skills pacts",
            "Haier and Changan Automobile join."
        ),
        Vec::<&str>::new()
    );
}

#[test]
fn a_place_that_begins_a_company_name_is_the_company_not_the_place() {
    // A place followed by a company word (银行, 电气, 啤酒, 集团, 有限公司, Electric, Group …) or
    // a known brand (贵州茅台, 云南白药) names the company's home, not where the story is.
    for (title, body, provinces) in [
        (
            "杭州职校与贵州茅台共建品鉴课程",
            "杭州一所职业学院与贵州茅台合作开设品鉴课，课程在杭州校区进行。",
            vec!["Zhejiang"],
        ),
        (
            "昆明职校引入云南白药工艺标准",
            "昆明一所职业学院与云南白药合作开设制剂课程。",
            vec!["Yunnan"],
        ),
        (
            "南京银行资助甘肃职校学生",
            "南京银行向甘肃天水的职业学校捐赠实训设备。",
            vec!["Gansu"],
        ),
        (
            "大连职校学生赴哈尔滨啤酒工厂实习",
            "大连一所职业学院组织学生到哈尔滨啤酒的酿造车间实习。",
            vec!["Liaoning"],
        ),
        (
            "山东能源集团在贵州招收技工",
            "山东能源集团与贵州遵义的职业学校签订订单培养协议。",
            vec!["Guizhou"],
        ),
        (
            "Hunan college teams up with Shanghai Electric",
            "A vocational college in Zhuzhou, Hunan province, is working with Shanghai \
             Electric on wind turbine courses.",
            vec!["Hunan"],
        ),
        (
            "Yunnan school signs deal with Harbin Electric Group",
            "A technical school in Qujing, Yunnan, will train fitters with Harbin Electric.",
            vec!["Yunnan"],
        ),
    ] {
        assert_eq!(tag(title, body), provinces, "{title} / {body}");
    }
}

#[test]
fn a_company_named_beside_its_home_as_a_place_still_leaves_the_place() {
    // 上海 counts where the story says 上海 as a place; only the company's 上海 is dropped.
    assert_eq!(
        tag(
            "上海职校与上海电气共建实训中心",
            "上海一所职业学院与上海电气合作，实训中心设在上海。"
        ),
        ["Shanghai"]
    );
    // Words that only begin like a company name are places: 集团化办学, 银行业, 啤酒节.
    assert_eq!(
        tag("江苏推进职业教育集团化办学", "江苏集团化办学覆盖各市。"),
        ["Jiangsu"]
    );
    assert_eq!(
        tag(
            "青岛啤酒节招募职校志愿者",
            "青岛啤酒节期间，职业院校学生参与服务。"
        ),
        ["Shandong"]
    );
}

#[test]
fn common_words_that_contain_place_names_are_not_places() {
    for (title, body) in [
        ("沿海城市加快发展海洋经济", "新兴城市吸引人才。"),
        ("朝阳产业需要技能人才", "平台中汇聚了大量课程。"),
        ("白银市场价格走高", "各位来宾出席仪式。"),
        ("复合肥企业招聘", "大理石加工与三明治生产线。"),
        ("打通出海口", "文山会海问题得到整治,美丽新乡村建设提速。"),
        ("孙中山先生纪念活动", "中山路上的学校参加。"),
        ("5G大连接赋能工业互联网", "日照时间与光伏发电量相关。"),
        ("老师傅穿中山装讲授传统工艺", "两所学校的做法大同小异。"),
        ("夏季日照充足利于果树生长", "阿里巴巴与学校合办电商课程。"),
    ] {
        assert_eq!(tag(title, body), Vec::<&str>::new(), "{title} / {body}");
    }
}

#[test]
fn a_province_name_across_a_landform_and_its_side_is_not_the_province() {
    // 珠江|西岸, 黄河|南岸, 太湖|北岸, 燕山|西部, 华山|西峰, 贺兰山|东麓, 渤海|南岸: the
    // province name straddles a river, lake or mountain and the side of it.
    for (title, body, province) in [
        (
            "佛山职业院校对接珠江西岸装备制造带",
            "佛山一所职业学院服务珠江西岸的装备制造企业。",
            "Guangdong",
        ),
        (
            "兰州职校开设黄河南岸旅游课程",
            "兰州的学生在黄河南岸景区实习。",
            "Gansu",
        ),
        (
            "无锡职校在太湖北岸建实训基地",
            "无锡一所职业学院在太湖南岸开展培训。",
            "Jiangsu",
        ),
        (
            "燕山西部矿区开展技能培训",
            "唐山一所职业院校承担培训任务。",
            "Hebei",
        ),
        (
            "华山西峰景区与职校合作培养导游",
            "渭南一所职业学院开设导游课程。",
            "Shaanxi",
        ),
        (
            "贺兰山东麓酿酒专业招生",
            "银川一所职业学院开设酿酒专业。",
            "Ningxia",
        ),
        (
            "渤海南岸港口群需要技能人才",
            "滨州一所职业学院开设港口机械专业。",
            "Shandong",
        ),
    ] {
        assert_eq!(tag(title, body), [province], "{title} / {body}");
    }
}

#[test]
fn a_province_name_that_starts_a_word_before_a_side_word_still_counts() {
    for (title, province) in [
        ("教育厅在山西部署产教融合试点", "Shanxi"),
        ("湖南部分高校开设低空经济专业", "Hunan"),
        ("山东东部沿海职业院校扩招", "Shandong"),
        ("河南南部县域职教中心建成", "Henan"),
        ("江西西部山区职校开设茶艺专业", "Jiangxi"),
        ("今年湖北侧重培养高技能人才", "Hubei"),
        ("第三届山东峰会聚焦职业教育", "Shandong"),
        ("渤海之滨的河北岸线整治工程吸纳毕业生", "Hebei"),
    ] {
        assert_eq!(tag(title, "首批项目今年启动。"), [province], "{title}");
    }
}

#[test]
fn a_street_named_after_a_place_is_not_that_place() {
    assert_eq!(
        tag(
            "上海南京路商圈职校开设直播实训中心",
            "上海一所职业学院在南京东路开设门店实训。"
        ),
        ["Shanghai"]
    );
    assert_eq!(
        tag(
            "广州北京路步行街举办职教活动周",
            "广州市的职业院校在北京路展示教学成果。"
        ),
        ["Guangdong"]
    );
    assert_eq!(
        tag("大连西安路商圈招聘店长", "大连一所职业学院对接商圈企业。"),
        ["Liaoning"]
    );
    // Not streets: a street scene, a roadshow, a route, a path, a stretch of motorway.
    for (title, province) in [
        ("北京街头出现职校学生志愿者", "Beijing"),
        ("北京路演推介职业教育成果", "Beijing"),
        ("江西路线图明确职教改革任务", "Jiangxi"),
        ("产教融合的浙江路径", "Zhejiang"),
        ("高速公路河南路段招聘养护技工", "Henan"),
    ] {
        assert_eq!(tag(title, "活动持续一周。"), [province], "{title}");
    }
}

#[test]
fn weak_names_count_with_a_suffix_or_their_province() {
    assert_eq!(
        tag("中山市职业教育集团成立", "中山市十所学校加入。"),
        ["Guangdong"]
    );
    assert_eq!(
        tag("广东中山推进产教融合", "中山的企业积极参与。"),
        ["Guangdong"]
    );
    assert_eq!(
        tag("广西来宾开展技能培训", "来宾市农民参加培训。"),
        ["Guangxi"]
    );
    assert_eq!(
        tag("辽宁朝阳建设职教园区", "朝阳市新建三所学校。"),
        ["Liaoning"]
    );
}

#[test]
fn weak_names_count_before_a_school_or_place_suffix() {
    assert_eq!(
        tag(
            "日照职业技术学院与日照港合作开设港口物流专业",
            "首批学生下月进港实习。"
        ),
        ["Shandong"]
    );
    for (city, province) in [
        ("日照", "Shandong"),
        ("中山", "Guangdong"),
        ("大同", "Shanxi"),
        ("长治", "Shanxi"),
        ("安康", "Shaanxi"),
        ("通化", "Jilin"),
        ("白山", "Jilin"),
        ("来宾", "Guangxi"),
        ("海东", "Qinghai"),
        ("玉树", "Qinghai"),
        ("阿里", "Tibet"),
    ] {
        let title = format!("{city}职业技术学院开设新专业");
        assert_eq!(
            tag(&title, "学院今年招收新生三百人。"),
            [province],
            "{title}"
        );
    }
    assert_eq!(
        tag("长治技师学院举办技能节", "全院师生参加比赛。"),
        ["Shanxi"]
    );
    assert_eq!(
        tag("大同经开区引进储能企业", "企业与当地院校共建实训中心。"),
        ["Shanxi"]
    );
    assert_eq!(
        tag("来宾高新区招聘技术工人", "园区企业提供五百个岗位。"),
        ["Guangxi"]
    );
}

#[test]
fn weak_names_count_before_a_vocational_school_or_as_a_news_source() {
    for (city, province) in [
        ("日照", "Shandong"),
        ("大同", "Shanxi"),
        ("长治", "Shanxi"),
        ("中山", "Guangdong"),
        ("河源", "Guangdong"),
        ("安康", "Shaanxi"),
        ("白银", "Gansu"),
        ("通化", "Jilin"),
        ("白山", "Jilin"),
        ("来宾", "Guangxi"),
        ("海东", "Qinghai"),
        ("玉树", "Qinghai"),
    ] {
        let title = format!("{city}职业院校与企业共建实训基地");
        assert_eq!(tag(&title, "首批学生下月进厂实习。"), [province], "{title}");
        let title = format!("{city}职校学生技能大赛获佳绩");
        assert_eq!(tag(&title, "学生获得三个一等奖。"), [province], "{title}");
        let body = format!("{city}一所职业学校今年开设三个新专业。");
        assert_eq!(tag("新专业今年招生", &body), [province], "{body}");
    }
    // A source of news is as often a company as a place: 从阿里获悉 is from Alibaba.
    assert_eq!(
        tag(
            "云计算学院成立",
            "记者从阿里获悉，公司将与职业院校共建云计算学院。"
        ),
        Vec::<&str>::new()
    );
    assert_eq!(tag("大同高职扩招", "多个专业录取分数线上涨。"), ["Shanxi"]);
}

/// A weak name counts before its own suffix only: 兴安盟 is the league of Inner Mongolia, but
/// 兴安县 is a county of Guangxi.
#[test]
fn a_weak_name_counts_before_its_own_suffix() {
    assert_eq!(
        tag("兴安盟职业院校开设草原畜牧专业", "学校与牧业企业合作办学。"),
        ["Inner Mongolia"]
    );
    assert_eq!(
        tag("桂林兴安县职业学校开设旅游专业", "学校与景区合作培养导游。"),
        ["Guangxi"]
    );
    assert_eq!(
        tag("兴安县职业学校开设旅游专业", "学校与景区合作培养导游。"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_weak_name_named_as_a_place_once_counts_everywhere_in_the_article() {
    // The lead's bare 日照 counts once the body has named 日照市; a passing mention alone
    // would not be enough.
    assert_eq!(
        tag(
            "港口物流专业受欢迎",
            "据悉，日照今年新增港口物流专业，计划招生两百人。\n该专业由日照市一所学校开设。"
        ),
        ["Shandong"]
    );
    assert_eq!(
        tag(
            "港口物流专业受欢迎",
            "据悉，今年新增港口物流专业，计划招生两百人。\n该专业由日照市一所学校开设。"
        ),
        Vec::<&str>::new()
    );
    // Bare, the same sentence names no place.
    assert_eq!(
        tag("港口物流专业招生", "据悉，日照今年新增港口物流专业。"),
        Vec::<&str>::new()
    );
}

#[test]
fn weak_names_that_are_words_stay_out_beside_school_words() {
    for (title, body) in [
        ("穿中山装的老教师走进职业院校", "学生们认真听讲。"),
        ("阿里巴巴职业技能培训上线", "课程面向电商从业者。"),
        ("白银价格走高，职校开设贵金属鉴定课程", "学生学习鉴定方法。"),
        ("日照充足利于职校实训基地种植果树", "学生参与管理。"),
        ("安康杯竞赛进职校", "安全生产知识走进课堂。"),
        ("各位来宾参观职业院校实训中心", "来宾们观看学生操作。"),
        ("两校做法大同小异", "职业院校的实训安排相近。"),
    ] {
        assert_eq!(tag(title, body), Vec::<&str>::new(), "{title} / {body}");
    }
}

#[test]
fn city_names_that_are_also_words_are_the_words_in_their_phrases() {
    // 四平八稳 (steady), 二十四平方米 (an area), 食品开封后 and 未开封 (opened): no city.
    for (title, body) in [
        (
            "培养模式不能四平八稳",
            "专家认为，四平八稳的做法难以适应产业变化。",
        ),
        ("职校新建实训室", "实训室面积二十四平方米，可容纳一个班。"),
        (
            "食品专业开设保鲜课程",
            "课程讲授奶粉开封后的保存方法和乳品开封检测流程。",
        ),
        (
            "职校学生学习药品管理",
            "未开封的药品应放在阴凉处，开封即用的试剂单独存放。",
        ),
    ] {
        assert_eq!(tag(title, body), Vec::<&str>::new(), "{title} / {body}");
    }
    // The cities themselves still count.
    for (title, body, province) in [
        (
            "四平市职校扩招",
            "四平一所职业学院今年新设三个专业。",
            "Jilin",
        ),
        (
            "四平职业院校对接装备制造",
            "四平方面表示将加大投入。",
            "Jilin",
        ),
        (
            "开封职业学院开设非遗课程",
            "开封的职业院校与老字号合作。",
            "Henan",
        ),
        (
            "职校学生赴开封研学",
            "学生们抵达开封后参观了职业院校。",
            "Henan",
        ),
    ] {
        assert_eq!(tag(title, body), [province], "{title} / {body}");
    }
}

// ---------------------------------------------------------------------------------------
// Salience: title and lead outweigh a passing mention; repetition adds weight; an
// institution's home and a meeting's host weigh less than the region the story is about.

#[test]
fn a_place_inside_an_institution_name_weighs_less_than_the_event() {
    let body = "哈尔滨工业大学扬州校友会26日在扬州成立,扬州市有关部门负责人出席。\n\
                校友会将在扬州建设创业孵化基地,服务扬州产业发展。";
    assert_eq!(tag("哈尔滨工业大学扬州校友会成立", body), ["Jiangsu"]);
    let body = "The Harbin Institute of Technology Yangzhou Alumni Association was founded in Yangzhou on Sunday.\n\
                - The association will open an incubation base in Yangzhou.\n\
                - Harbin Institute of Technology graduates working in Yangzhou will mentor students.";
    assert_eq!(
        tag(
            "Harbin Institute of Technology alumni gather in Yangzhou",
            body
        ),
        ["Jiangsu"]
    );
}

#[test]
fn a_school_in_a_place_is_not_an_institution_named_after_it() {
    // 无锡一所职业技术学院 is a college in Wuxi, 无锡职校 Wuxi's vocational schools: where the
    // acting school is, not a name, so the place keeps its full weight beside the province
    // the students go to.
    assert_eq!(
        tag(
            "无锡职校学生赴西藏实习",
            "无锡一所职业技术学院组织学生赴西藏日喀则的光伏电站实习半年。"
        ),
        ["Tibet", "Jiangsu"]
    );
    assert_eq!(
        tag(
            "对口支援：浙江职校为青海学生开设订单班",
            "浙江一所职业技术学院面向青海海东、玉树的学生开设光伏运维订单班，学生前两年在浙江学习，\
             第三年回青海企业实习。青海当地企业承诺全部录用。海东市教育局参与选拔。"
        ),
        ["Qinghai", "Zhejiang"]
    );
    // A place inside a school's name still weighs less than where the event is.
    assert_eq!(
        tag(
            "哈尔滨工程大学扬州研究院与职校共建实训中心",
            "哈尔滨工程大学扬州研究院与扬州的职业学院共建实训中心，扬州多家企业提供岗位。"
        ),
        ["Jiangsu"]
    );
}

#[test]
fn an_institution_that_is_the_subject_still_names_its_region() {
    assert_eq!(
        tag(
            "重庆理工大学开设电子材料订单班",
            "学校与企业共同制定培养方案。"
        ),
        ["Chongqing"]
    );
    assert_eq!(
        tag(
            "Shandong Business Vocational College trains cold-chain engineers",
            "The college signed deals with firms."
        ),
        ["Shandong"]
    );
}

#[test]
fn provinces_listed_together_stay_together_when_one_dominates() {
    // The host province dominates by its cities, but the alliance is of all four.
    assert_eq!(
        tag(
            "京津冀职业教育协同发展联盟在石家庄成立",
            "来自北京、天津、河北和山西的五十所职业院校在石家庄成立协同发展联盟，\
             联盟秘书处设在石家庄，首批项目落地河北保定和河北唐山。"
        ),
        ["Hebei", "Beijing", "Tianjin", "Shanxi"]
    );
    assert_eq!(
        tag(
            "Northeast alliance trains welders in Shenyang",
            "Colleges from Liaoning, Jilin and Heilongjiang met in Shenyang, the Liaoning \
             capital, to train welders. Shenyang firms and Dalian shipyards offer places."
        ),
        ["Liaoning", "Jilin", "Heilongjiang"]
    );
    // A province named alone in passing is still cut.
    assert_eq!(
        tag(
            "石家庄职业院校扩招",
            "石家庄一所职业学院今年扩招，石家庄多所院校参与。学院曾派教师赴山西交流。\n\
             石家庄市教育局表示将继续支持。"
        ),
        ["Hebei"]
    );
}

#[test]
fn a_city_hosting_a_national_meeting_weighs_less_than_the_region_discussed() {
    let body = "The national forum, held in Beijing, heard how Guizhou trains big-data technicians.\n\
                Guizhou has opened 40 data majors; Guizhou colleges place most graduates locally.";
    assert_eq!(
        tag("Guizhou shares its big-data training model", body),
        ["Guizhou"]
    );
    let body = "全国职业教育工作会议在北京召开。会议部署下一阶段工作,各地代表参加。";
    assert_eq!(tag("全国职业教育工作会议召开", body), Vec::<&str>::new());
    let body = "大赛在天津国家会展中心举行,来自全国的2000余名选手参赛。";
    assert_eq!(
        tag("第三届全国职业技能大赛在天津举行", body),
        Vec::<&str>::new()
    );
}

#[test]
fn a_city_hosting_any_meeting_ranks_below_the_region_discussed() {
    let body = "A seminar was held in Shanghai on Tuesday to review how Yunnan trains tea growers.\n\
                Speakers said Yunnan colleges now run short courses in every tea county.";
    assert_eq!(
        tag("Seminar reviews rural skills training", body),
        ["Yunnan", "Shanghai"]
    );
    let body = "研讨会在上海举行,与会专家交流云南茶农技能培训经验。";
    assert_eq!(
        tag("茶产业技能培训研讨会举行", body),
        ["Yunnan", "Shanghai"]
    );
    // A meeting's venue that is the only place named still names the region.
    assert_eq!(
        tag(
            "Skills fair held in Kunming",
            "Firms hired graduates on the spot."
        ),
        ["Yunnan"]
    );
    assert_eq!(
        tag("技能招聘会在昆明举行", "企业现场招聘毕业生。"),
        ["Yunnan"]
    );
}

#[test]
fn passing_mentions_are_dropped() {
    let body = "Guangxi's technical schools enrolled more students this year.\n\
                - Guangxi has 60 technical schools, and Nanning and Liuzhou lead enrolment.\n\
                - Some graduates take jobs in Guangdong factories.";
    assert_eq!(
        tag("Technical schools gain popularity in Guangxi", body),
        ["Guangxi"]
    );
    let body = "大连市职业教育集团化办学成效显著。大连已建成8个职教集团,金普新区入选首批市域产教联合体。\n\
                据介绍,宜春等地也在探索类似做法。";
    assert_eq!(tag("大连职业教育发展观察", body), ["Liaoning"]);
}

#[test]
fn caption_mentions_weigh_little() {
    let body = "Students fix battery packs at a school in Yichun, Jiangxi province. PHOTO PROVIDED TO CHINA DAILY\n\
                China is working to integrate vocational and general education.\n\
                Dalian has launched eight vocational education groups, and Jinpu New Area leads a pilot alliance in Liaoning.";
    assert_eq!(
        tag_at(
            "Dalian fosters vocational training",
            body,
            "Dalian, Liaoning"
        ),
        ["Liaoning"]
    );
}

#[test]
fn the_byline_place_is_evidence() {
    let body =
        "The city has created 63 practice centres.\nJinpu New Area is one of the first alliances.";
    assert_eq!(
        tag_at("Deputy urges skills training", body, "Dalian, Liaoning"),
        ["Liaoning"]
    );
}

#[test]
fn two_regions_of_a_joint_story_are_both_kept_primary_first() {
    let body = "山东与新疆职业院校结对帮扶。山东12所高职与新疆喀什地区学校签约,\n\
                山东派出教师赴喀什支教,新疆学生到山东企业实习。";
    assert_eq!(
        tag("山东职业院校对口支援新疆", body),
        ["Shandong", "Xinjiang"]
    );
}

#[test]
fn repeated_mentions_add_weight() {
    // Hunan stands in the lead once; Guangdong's cities come back again and again.
    let body = "A Hunan college sends its students south for internships.\n\
                - Shenzhen firms host the interns, and Shenzhen schools share their labs.\n\
                - Dongguan factories pay the trainees.\n\
                - Guangdong offers subsidies.";
    assert_eq!(tag("Internships boom", body), ["Guangdong", "Hunan"]);
}

// ---------------------------------------------------------------------------------------
// National stories have no regions.

#[test]
fn national_stories_have_no_regions() {
    assert_eq!(
        tag(
            "教育部推进实施高技能人才集群培养计划",
            "教育部围绕六大重点领域,联合150余家企业和67所高水平学校推进改革。"
        ),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag(
            "Ministry of Education releases nationwide digital textbooks",
            "China is working to modernise vocational training.\n\
             - The textbooks cover 28 majors and reach 1.5 million students nationwide.\n\
             - A pilot class in Suzhou tested the virtual workshop."
        ),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag(
            "我国职业教育发展五大趋势",
            "职业教育体系规模世界最大,每年培养毕业生超过1000万人。"
        ),
        Vec::<&str>::new()
    );
}

#[test]
fn a_national_statement_made_in_a_city_does_not_make_the_story_regional() {
    for body in [
        "Vocational schools across the country enrolled more than 30 million students, \
         the Ministry of Education said in Beijing on Tuesday.",
        "Enrolment rose in every province, the Ministry of Education announced in Beijing.",
        "Schools nationwide will add 500 majors, an official told reporters in Beijing.",
        "Schools nationwide will add 500 majors, officials said at a press conference in Beijing.",
    ] {
        assert_eq!(
            tag("Nationwide: vocational enrollment tops 30 million", body),
            Vec::<&str>::new(),
            "{body}"
        );
    }
    // A regional story stays regional when its officials speak in their own capital.
    assert_eq!(
        tag(
            "Shandong opens 20 new programs",
            "Shandong colleges will open 20 programs this autumn, the provincial education \
             department said in Jinan on Monday."
        ),
        ["Shandong"]
    );
    assert_eq!(
        tag(
            "Colleges add AI majors",
            "Twenty colleges in Chengdu are adding AI majors, the city's education bureau \
             said in Chengdu."
        ),
        ["Sichuan"]
    );
}

#[test]
fn a_dateline_alone_does_not_make_a_story_regional() {
    let body = "新华社北京10月20日电 教育部日前印发通知,要求各地加强职业院校实习管理。";
    assert_eq!(tag("教育部加强职业院校实习管理", body), Vec::<&str>::new());
    let body = "BEIJING — The Ministry of Education on Monday asked schools nationwide to improve internships.";
    assert_eq!(
        tag("Ministry tightens internship rules", body),
        Vec::<&str>::new()
    );
    assert_eq!(
        tag("北京时间今晚揭晓大赛结果", "全国职业院校技能大赛闭幕。"),
        Vec::<&str>::new()
    );
}

#[test]
fn a_national_story_keeps_a_region_it_dwells_on() {
    let body = "China's vocational schools are adding AI majors nationwide.\n\
                - Zhejiang leads: Zhejiang colleges opened 30 programs.\n\
                - Zhejiang firms fund labs, and Hangzhou hosts a training hub.\n\
                - Zhejiang plans more.";
    assert_eq!(tag("Nationwide push for AI majors", body), ["Zhejiang"]);
}

// ---------------------------------------------------------------------------------------
// Lookups by name.

#[test]
fn provinces_are_the_34_in_spec_order() {
    let names: Vec<&str> = provinces().iter().map(|p| p.en).collect();
    assert_eq!(names.len(), 34);
    assert_eq!(names.first(), Some(&"Beijing"));
    assert_eq!(names.last(), Some(&"Macao"));
    let shandong = provinces().iter().find(|p| p.en == "Shandong");
    assert_eq!(
        shandong.map(|p| (p.zh, p.full_zh)),
        Some(("山东", "山东省"))
    );
}

#[test]
fn province_by_any_name() {
    for name in [
        "Shandong",
        "shandong",
        "SHANDONG",
        "山东",
        "山东省",
        " Shandong Province ",
    ] {
        assert_eq!(
            province_by_name(name).map(|p| p.en),
            Some("Shandong"),
            "{name}"
        );
    }
    for (name, en) in [
        ("廣東", "Guangdong"),
        ("Inner Mongolia", "Inner Mongolia"),
        ("inner-mongolia", "Inner Mongolia"),
        ("inner_mongolia", "Inner Mongolia"),
        ("内蒙古自治区", "Inner Mongolia"),
        ("Xizang", "Tibet"),
        ("Macau", "Macao"),
        ("hong kong", "Hong Kong"),
        ("hongkong", "Hong Kong"),
        ("臺灣", "Taiwan"),
        ("Shaanxi", "Shaanxi"),
        ("Shanxi", "Shanxi"),
        ("广西壮族自治区", "Guangxi"),
    ] {
        assert_eq!(province_by_name(name).map(|p| p.en), Some(en), "{name}");
    }
    for name in ["", "Dezhou", "Atlantis", "省"] {
        assert_eq!(province_by_name(name), None, "{name}");
    }
}

#[test]
fn suggestions_for_unknown_names() {
    assert_eq!(suggest_province("Shandon").map(|p| p.en), Some("Shandong"));
    assert_eq!(suggest_province("山冬").map(|p| p.en), Some("Shandong"));
    assert_eq!(
        suggest_province("Guangdon").map(|p| p.en),
        Some("Guangdong")
    );
    assert_eq!(suggest_province("Hainna").map(|p| p.en), Some("Hainan"));
    assert_eq!(
        suggest_province("Inner Mongolai").map(|p| p.en),
        Some("Inner Mongolia")
    );
    assert_eq!(suggest_province("qwertyuiop"), None);
}

// ---------------------------------------------------------------------------------------
// Long texts: tagged like short ones (speed is measured in benches, never asserted here).

#[test]
fn long_texts_are_tagged_like_short_ones() {
    let paragraph = "德州市职业院校与企业共建实训基地,学生在车间里学习数控加工。\
                     Vocational schools in Dezhou work with local firms on smart manufacturing.\n";
    let body = paragraph.repeat(2000); // ~300 KB
    assert_eq!(tag("德州职业教育", &body), ["Shandong"]);
}

// ---------------------------------------------------------------------------------------
// Robustness: any text, however odd, is tagged without a panic.

proptest::proptest! {
    #[test]
    fn any_text_is_tagged_without_panic(title in "\\PC{0,40}", body in "[\\PC\\n市区场域德州Dezhou ,.'’在举行全国]{0,400}") {
        let tags = tag_regions(&RegionInput { title: &title, body: &body, place: Some(&title) });
        proptest::prop_assert!(tags.len() <= provinces().len());
    }
}

#[test]
fn edge_inputs() {
    assert_eq!(tag("", ""), Vec::<&str>::new());
    assert_eq!(tag("\n\n", "\n \n"), Vec::<&str>::new());
    assert_eq!(tag("德州", ""), ["Shandong"]);
    assert_eq!(
        tag_at("", "", "Dalian, Liaoning"),
        Vec::<&str>::new(),
        "a byline alone is not enough"
    );
    let one_line = "Dezhou ".repeat(100_000);
    assert_eq!(tag("", &one_line), ["Shandong"]);
}
