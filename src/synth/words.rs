//! The synthetic corpus's vocabulary and sentence templates (our own writing).

/// (English, Chinese, Chinese cities, English cities)
pub type Province = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

pub const PROVINCES: &[Province] = &[
    (
        "Shandong",
        "山东",
        &["德州", "临沂", "济宁", "潍坊"],
        &["Dezhou", "Linyi", "Jining", "Weifang"],
    ),
    (
        "Jiangsu",
        "江苏",
        &["苏州", "无锡", "常州", "南通"],
        &["Suzhou", "Wuxi", "Changzhou", "Nantong"],
    ),
    (
        "Guangdong",
        "广东",
        &["深圳", "佛山", "东莞", "珠海"],
        &["Shenzhen", "Foshan", "Dongguan", "Zhuhai"],
    ),
    (
        "Zhejiang",
        "浙江",
        &["宁波", "温州", "金华", "嘉兴"],
        &["Ningbo", "Wenzhou", "Jinhua", "Jiaxing"],
    ),
    (
        "Hebei",
        "河北",
        &["唐山", "邯郸", "保定", "沧州"],
        &["Tangshan", "Handan", "Baoding", "Cangzhou"],
    ),
    (
        "Liaoning",
        "辽宁",
        &["大连", "鞍山", "营口", "沈阳"],
        &["Dalian", "Anshan", "Yingkou", "Shenyang"],
    ),
    (
        "Sichuan",
        "四川",
        &["成都", "绵阳", "宜宾", "德阳"],
        &["Chengdu", "Mianyang", "Yibin", "Deyang"],
    ),
    (
        "Hubei",
        "湖北",
        &["武汉", "襄阳", "宜昌", "十堰"],
        &["Wuhan", "Xiangyang", "Yichang", "Shiyan"],
    ),
    (
        "Henan",
        "河南",
        &["郑州", "洛阳", "许昌", "新乡"],
        &["Zhengzhou", "Luoyang", "Xuchang", "Xinxiang"],
    ),
    (
        "Fujian",
        "福建",
        &["厦门", "泉州", "漳州", "宁德"],
        &["Xiamen", "Quanzhou", "Zhangzhou", "Ningde"],
    ),
    (
        "Anhui",
        "安徽",
        &["合肥", "芜湖", "蚌埠", "滁州"],
        &["Hefei", "Wuhu", "Bengbu", "Chuzhou"],
    ),
    (
        "Hunan",
        "湖南",
        &["长沙", "株洲", "湘潭", "岳阳"],
        &["Changsha", "Zhuzhou", "Xiangtan", "Yueyang"],
    ),
    (
        "Chongqing",
        "重庆",
        &["万州", "涪陵", "永川", "璧山"],
        &["Wanzhou", "Fuling", "Yongchuan", "Bishan"],
    ),
    (
        "Shaanxi",
        "陕西",
        &["西安", "宝鸡", "咸阳", "榆林"],
        &["Xi'an", "Baoji", "Xianyang", "Yulin"],
    ),
    (
        "Guangxi",
        "广西",
        &["柳州", "南宁", "桂林", "玉林"],
        &["Liuzhou", "Nanning", "Guilin", "Yulin"],
    ),
    (
        "Jiangxi",
        "江西",
        &["南昌", "赣州", "宜春", "九江"],
        &["Nanchang", "Ganzhou", "Yichun", "Jiujiang"],
    ),
];

/// (slug, Chinese name, English name, Chinese keywords, English keywords)
pub type Sector = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

pub const SECTORS: &[Sector] = &[
    (
        "smart-manufacturing",
        "智能制造",
        "smart manufacturing",
        &["工业机器人", "数控机床", "工业互联网"],
        &["industrial robots", "CNC machining", "industrial internet"],
    ),
    (
        "new-energy-vehicles",
        "新能源汽车",
        "new energy vehicles",
        &["动力电池", "智能网联汽车", "整车制造"],
        &["battery packs", "connected vehicles", "vehicle assembly"],
    ),
    (
        "rail-transit",
        "轨道交通装备",
        "rail transit equipment",
        &["高铁检修", "城轨车辆", "牵引系统"],
        &[
            "high-speed rail maintenance",
            "metro trains",
            "traction systems",
        ],
    ),
    (
        "aerospace-low-altitude",
        "低空经济",
        "the low-altitude economy",
        &["无人机", "通用航空", "飞行器维修"],
        &["drones", "general aviation", "aircraft maintenance"],
    ),
    (
        "electronics-semiconductors",
        "集成电路",
        "semiconductors",
        &["芯片封装", "电子信息", "半导体设备"],
        &["chip packaging", "electronics", "semiconductor equipment"],
    ),
    (
        "ai-big-data",
        "人工智能",
        "artificial intelligence",
        &["大模型", "大数据", "算力中心"],
        &["large models", "big data", "computing centres"],
    ),
    (
        "digital-commerce",
        "跨境电商",
        "cross-border e-commerce",
        &["直播电商", "数字商贸", "跨境物流"],
        &["livestream retail", "digital trade", "online stores"],
    ),
    (
        "new-energy",
        "新能源",
        "new energy",
        &["光伏", "储能", "氢能"],
        &["solar power", "energy storage", "hydrogen"],
    ),
    (
        "steel-metallurgy",
        "钢铁冶金",
        "steel",
        &["钢铁", "冶金", "轧钢"],
        &["steelmaking", "metallurgy", "rolling mills"],
    ),
    (
        "chemicals",
        "石油化工",
        "petrochemicals",
        &["化工", "炼化一体化", "精细化工"],
        &["chemical plants", "refining", "fine chemicals"],
    ),
    (
        "agriculture",
        "现代农业",
        "modern agriculture",
        &["智慧农业", "农机装备", "乡村产业"],
        &["smart farming", "farm machinery", "rural industries"],
    ),
    (
        "biomedicine",
        "生物医药",
        "biomedicine",
        &["医疗器械", "制药", "生物技术"],
        &["medical devices", "pharmaceuticals", "biotechnology"],
    ),
    (
        "logistics-cold-chain",
        "冷链物流",
        "cold-chain logistics",
        &["供应链", "智慧物流", "仓储"],
        &["supply chains", "smart logistics", "warehousing"],
    ),
    (
        "elderly-care-health",
        "医养健康",
        "elderly care",
        &["养老服务", "护理", "托育"],
        &["nursing", "care homes", "childcare"],
    ),
    (
        "culture-tourism-crafts",
        "文旅",
        "cultural tourism",
        &["非遗", "文创", "乡村旅游"],
        &["intangible heritage", "creative crafts", "rural tourism"],
    ),
    (
        "construction",
        "智能建造",
        "smart construction",
        &["装配式建筑", "建筑信息模型", "工程施工"],
        &[
            "prefabricated buildings",
            "BIM modelling",
            "site engineering",
        ],
    ),
    (
        "green-low-carbon",
        "节能环保",
        "green industries",
        &["碳达峰", "节能", "环保"],
        &["carbon reduction", "energy saving", "pollution control"],
    ),
];

pub const OUTLETS: &[&str] = &[
    "Ren Min Ri Bao",
    "Zhong Guo Xin Wen Wang",
    "Qi Lu Wan Bao Wang",
    "Xin Hua She",
    "Guang Ming Ri Bao",
    "3 6 Ke",
    "Zhong Guo Jiao Yu Bao",
    "Jing Ji Ri Bao",
];

pub const TOPICS: &[&str] = &[
    "产教融合",
    "医养健康",
    "高技能人才集群培养计划",
    "职业教育",
    "智能制造",
];

pub const DOMAIN: &[&str] = &[
    "产教融合",
    "校企合作",
    "现代学徒制",
    "订单班",
    "市域产教联合体",
    "双高计划",
    "职业本科",
    "实训基地",
    "产业学院",
];

/// {省} province, {市} city, {业} sector, {词} sector keyword, {术} domain term,
/// {校} schools, {企} firms, {专} programmes, {人} graduates.
pub const ZH_SENTENCES: &[&str] = &[
    "{省}{市}推动{业}与职业教育深度融合,{校}所职业院校与{企}家企业共建产业学院。",
    "今年以来,{市}围绕{业}产业链新增{专}个紧缺专业,年培养技术技能人才{人}人。",
    "当地职业院校把{词}课程搬进车间,学生在真实生产环境中完成实训。",
    "业内人士认为,{术}正在成为区域经济高质量发展的重要支撑。",
    "{市}一所高职院校联合龙头企业开设订单班,毕业生留在本地就业的比例逐年提高。",
    "围绕{词}岗位需求,学校与企业共同制定人才培养方案,企业导师全程参与教学。",
    "{省}教育部门表示,将继续深化{术},推动专业设置与产业需求精准对接。",
    "记者在实训基地看到,学生们正在老师指导下调试{词}设备。",
    "据介绍,{市}已建成{专}个公共实训基地,覆盖{业}等重点领域。",
    "一位企业负责人说,通过现代学徒制培养的员工上手快、留得住。",
    "下一步,{市}将探索市域产教联合体建设新模式,打造高技能人才集群。",
    "专家指出,职业教育要紧跟{业}技术迭代,及时更新教学内容和实训设备。",
];

/// {P} province, {C} city, {S} sector, {K} keyword, {n} schools, {m} firms, {k} programmes,
/// {g} graduates.
pub const EN_SENTENCES: &[&str] = &[
    "{P} is deepening industry-education integration in {S}, with {n} vocational colleges working alongside {m} enterprises",
    "{C} has added {k} programmes in high-demand fields such as {K}, training about {g} skilled workers a year",
    "Vocational schools in {C} moved {K} courses onto factory floors so that students train on real production lines",
    "Order-based training classes let employers shape the curriculum and hire graduates directly",
    "Industry mentors take part in teaching, assessment and internships across the {S} chain",
    "Officials in {P} plan to align programme settings more closely with local demand for {K}",
    "A city-level industry-education consortium links schools, parks and firms to share training bases",
    "Graduates trained through modern apprenticeships adapt quickly and stay longer with their employers",
];

pub const EN_HEADINGS: &[&str] = &[
    "Industry Integration",
    "Educational Innovations",
    "Talent Development",
    "Enrollment Trends",
    "Policy Support",
    "Employment Outcomes",
];

pub const EN_PARAGRAPHS: &[&str] = &[
    "Vocational colleges in {C} are working with {m} companies to train technicians for {S}, local officials said.",
    "\"We need more skilled workers who understand both theory and the production line,\" said the head of a college in {P}.",
    "The province has set up training bases shared by {n} schools, where students practise on equipment donated by enterprises.",
    "Employers say graduates of order-based classes need far less on-the-job training than other new hires.",
    "Education authorities in {P} plan to expand programmes in {S} over the next five years.",
    "Teachers spend part of each year in factories to keep course content in step with new technology.",
];

pub const REPORTERS: &[&str] = &[
    "LI HUA",
    "WANG FANG",
    "ZHANG WEI",
    "CHEN JING",
    "刘洋",
    "赵敏",
];

pub const CREDITS: &[&str] = &["视觉中国供图", "本报记者 摄", "资料图片"];

/// A few characters in their traditional forms, for the pages written in them.
pub fn traditional(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '产' => '產',
            '业' => '業',
            '东' => '東',
            '广' => '廣',
            '职' => '職',
            '教' => '教',
            '育' => '育',
            '学' => '學',
            '术' => '術',
            '发' => '發',
            '展' => '展',
            '设' => '設',
            '实' => '實',
            '训' => '訓',
            '与' => '與',
            '为' => '為',
            '这' => '這',
            '动' => '動',
            '机' => '機',
            '养' => '養',
            '质' => '質',
            '国' => '國',
            _ => c,
        })
        .collect()
}
