namespace AdilSoz.Intake.Language.Suggest;

/// <summary>
/// Multilingual cues for each category of the foundation's typology. A cue is one or more words;
/// a word ending in '*' matches any word that starts with it (word forms: задерж* covers задержали,
/// задержан, задержание), other words match exactly. The words of a multi-word cue must appear in
/// order with at most two other words between them ("отказали в предоставлении информации").
/// When several one-word cues fit one word, only the longest counts, so a longer cue with no
/// category (null) silences a shorter one ("законн*" is not "закон*", "ұстаз" is not "ұста*").
/// </summary>
internal static class CategoryLexicon
{
    public static readonly (string? Category, double Weight, string Cue)[] Cues =
    [
        // Murder.
        ("murder", 3, "убийств*"), ("murder", 2.5, "убит"), ("murder", 2.5, "убита"), ("murder", 2.5, "убили"),
        ("murder", 2, "убил"), ("murder", 2, "застрелил*"), ("murder", 2.5, "найден* мертв*"), ("murder", 1.5, "погиб*"),
        ("murder", 1, "тело"), ("murder", 3, "өлтір*"), ("murder", 2, "қаза тап*"), ("murder", 2, "мерт бол*"),
        ("murder", 3, "murder*"), ("murder", 2.5, "killed"), ("murder", 2.5, "killing"), ("murder", 2.5, "found dead"),
        ("murder", 1, "body"),

        // Assault.
        ("assault", 2.5, "избил*"), ("assault", 2.5, "избит*"), ("assault", 2.5, "избиени*"), ("assault", 2, "побо*"),
        ("assault", 2, "напал*"), ("assault", 2, "напад*"), ("assault", 1, "удар*"), ("assault", 2, "ударил*"), ("assault", 2, "ударили"), ("assault", 1, "травм*"),
        ("assault", 1, "госпитализ*"), ("assault", 1.5, "сотрясени*"), ("assault", 1.5, "синяк*"), ("assault", 1, "ножев*"),
        ("assault", 2.5, "соққы*"), ("assault", 2.5, "ұрып*"), ("assault", 2, "соқты"), ("assault", 2, "шабуыл*"),
        ("assault", 2, "тепкіле*"), ("assault", 1, "жарақат*"), ("assault", 1, "ауруханаға"),
        ("assault", 2.5, "урып*"), ("assault", 2.5, "соккы*"), ("assault", 2, "шабуыл жаса*"),
        ("assault", 2.5, "beat"), ("assault", 2.5, "beaten"), ("assault", 2.5, "beating*"), ("assault", 2.5, "assault*"),
        ("assault", 2, "attack*"), ("assault", 1.5, "punch*"), ("assault", 1.5, "injur*"), ("assault", 1, "hospital*"),
        ("assault", 1.5, "bruise*"), ("assault", 1.5, "concussion"),

        // Threat.
        ("threat", 2.5, "угроз*"), ("threat", 2.5, "угрожа*"), ("threat", 2.5, "пригрозил*"), ("threat", 2, "запуг*"),
        ("threat", 1.5, "грозил*"), ("threat", 1, "шантаж*"), ("threat", 2.5, "қорқыт*"), ("threat", 2.5, "қоқан*"),
        ("threat", 1.5, "қауіп төндір*"), ("threat", 1.5, "өлтіреміз"), ("threat", 2.5, "коркыт*"), ("threat", 2.5, "threat*"), ("threat", 2, "intimidat*"),
        ("threat", 1, "blackmail*"),
        ("threat", 2, "будут проблем*"), ("threat", 2, "если не удал*"), ("threat", 2, "пожалеет*"), ("threat", 2, "расправ*"),
        ("threat", 1, "звонят неизвестн*"), ("threat", 2, "басыңды ал*"), ("threat", 1.5, "you will regret"),

        // Detention.
        ("detention", 2.5, "задерж*"), ("detention", 2, "задержан*"), ("detention", 2, "доставил* полици*"),
        ("detention", 2, "доставлен* отдел*"), ("detention", 2, "доставлен* полици*"), ("detention", 1.5, "арест*"),
        ("detention", 2, "увез* полици*"), ("detention", 2, "увез* отдел*"), ("detention", 2, "забрал* полици*"),
        ("detention", 1, "сутки"), ("detention", 1, "суток"),
        ("detention", 2.5, "ұстады"), ("detention", 2.5, "ұсталды"), ("detention", 2, "ұстап"), ("detention", 2, "ұстау"),
        ("detention", 2, "ұсталған"), ("detention", 2, "ұстаған"), ("detention", 2, "ұсталып"), ("detention", 2, "ұстауға"),
        ("detention", 2, "ұсталуы"), ("detention", 1.5, "қамау*"), ("detention", 1.5, "қамалды"),
        ("detention", 2, "полиция* апар*"), ("detention", 2, "бөлім* апар*"), ("detention", 2, "бөлімшесіне"),
        ("detention", 2.5, "detain*"), ("detention", 2.5, "detention*"), ("detention", 1.5, "arrest*"),
        ("detention", 1.5, "custody"), ("detention", 2, "taken police"), ("detention", 2, "held police"),
        ("detention", 1, "police station"),
        ("detention", 1.5, "алып кетті"), ("detention", 1.5, "әкетті"), ("detention", 2, "көлікке отырғыз*"),
        ("detention", 2, "полиция* әкет*"), ("detention", 2, "продержал*"), ("detention", 1, "вызвал* полици*"),
        ("detention", 2.5, "устады"), ("detention", 2.5, "усталды"), ("detention", 2, "усталган"), ("detention", 1.5, "камауга"), ("detention", 2, "увез* участ*"), ("detention", 2, "затолкал* машин*"),
        (null, 0, "ұстаз*"),

        // Violence during professional activity (force by officials, guards).
        ("violence", 2.5, "применил* сил*"), ("violence", 2.5, "применени* сил*"), ("violence", 2, "скрутил*"),
        ("violence", 2, "заломал*"), ("violence", 1.5, "вытолкал*"), ("violence", 1.5, "вытолкнул*"), ("violence", 1.5, "толкнул*"),
        ("violence", 1.5, "толкал*"), ("violence", 1, "схватил*"), ("violence", 1, "тащил*"), ("violence", 1.5, "силой"),
        ("violence", 1, "выволок*"), ("violence", 2, "физическ* сил*"),
        ("violence", 2.5, "күш қолдан*"), ("violence", 2, "итеріп"), ("violence", 2, "итерді"), ("violence", 1.5, "сүйреп"),
        ("violence", 1.5, "қолын қайыр*"),
        ("violence", 2.5, "used force"), ("violence", 2.5, "use force"), ("violence", 2.5, "physical force"),
        ("violence", 1.5, "pushed"), ("violence", 1.5, "shoved"), ("violence", 1.5, "dragged"), ("violence", 2, "manhandl*"),
        ("violence", 1.5, "twisted arm*"), ("violence", 2.5, "roughed"), ("violence", 1.5, "grabbed"),

        // Seizure or damage of equipment.
        ("equipment_seizure", 2.5, "изъял*"), ("equipment_seizure", 2.5, "изъят*"), ("equipment_seizure", 2.5, "отобрал*"),
        ("equipment_seizure", 2, "отобра*"), ("equipment_seizure", 2, "конфиск*"), ("equipment_seizure", 2.5, "разбил* камер*"),
        ("equipment_seizure", 2.5, "разбил* телефон*"), ("equipment_seizure", 2, "сломал* камер*"),
        ("equipment_seizure", 2, "забрал* телефон*"), ("equipment_seizure", 2, "забрал* камер*"),
        ("equipment_seizure", 2, "вырвал* телефон*"), ("equipment_seizure", 2, "вырвал* камер*"),
        ("equipment_seizure", 2, "стер* запис*"), ("equipment_seizure", 2, "удалил* запис*"), ("equipment_seizure", 2, "удалил* видео*"),
        ("equipment_seizure", 2, "удалить* запис*"), ("equipment_seizure", 1, "повредил*"), ("equipment_seizure", 0.5, "камер*"),
        ("equipment_seizure", 0.5, "телефон*"), ("equipment_seizure", 0.5, "техник*"), ("equipment_seizure", 1, "флешк*"),
        ("equipment_seizure", 1.5, "карт* памяти"), ("equipment_seizure", 1, "диктофон*"),
        ("equipment_seizure", 2.5, "тартып ал*"), ("equipment_seizure", 2, "телефон* алып кет*"), ("equipment_seizure", 2, "сындыр*"), ("equipment_seizure", 1.5, "алып қой*"),
        ("equipment_seizure", 2, "жазбаны өшір*"), ("equipment_seizure", 2, "өшіртті"),
        ("equipment_seizure", 2.5, "seiz*"), ("equipment_seizure", 2.5, "confiscat*"), ("equipment_seizure", 2, "snatched"),
        ("equipment_seizure", 2, "smashed camera*"), ("equipment_seizure", 2, "broke camera*"), ("equipment_seizure", 2, "took camera*"),
        ("equipment_seizure", 2, "took phone*"), ("equipment_seizure", 2, "delet* footage"), ("equipment_seizure", 1, "damaged"), ("equipment_seizure", 1.5, "taken away"),
        ("equipment_seizure", 0.5, "equipment"), ("equipment_seizure", 0.5, "camera"), ("equipment_seizure", 0.5, "phone"),
        (null, 0, "камерамен"), (null, 0, "телефонн*"),

        // Criminal prosecution for libel or insult.
        ("criminal_libel", 2.5, "клевет*"), ("criminal_libel", 1.5, "оскорблен*"), ("criminal_libel", 1.5, "оскорбил*"),
        ("criminal_libel", 1.5, "оскорбля*"), ("criminal_libel", 1.5, "уголовн* дел*"), ("criminal_libel", 1, "уголовн*"),
        ("criminal_libel", 2, "ложн* информаци*"), ("criminal_libel", 1.5, "статье 130"), ("criminal_libel", 1.5, "статье 131"),
        ("criminal_libel", 1.5, "статье 274"), ("criminal_libel", 1, "подозреваем*"), ("criminal_libel", 1, "приговор*"),
        ("criminal_libel", 2.5, "жала жаб*"), ("criminal_libel", 2, "жала"), ("criminal_libel", 2, "қорла*"),
        ("criminal_libel", 1.5, "қылмыстық іс*"), ("criminal_libel", 1.5, "жалған ақпарат*"), ("criminal_libel", 1, "күдікті"),
        ("criminal_libel", 3, "libel*"), ("criminal_libel", 2.5, "slander*"), ("criminal_libel", 1.5, "insult*"),
        ("criminal_libel", 2.5, "criminal defamation"), ("criminal_libel", 1.5, "criminal case"), ("criminal_libel", 1.5, "criminal charge*"),
        ("criminal_libel", 1.5, "false information"), ("criminal_libel", 1, "sentenced"),

        // Civil claims for honor, dignity and business reputation.
        ("honor_dignity", 3, "чест* достоинств*"), ("honor_dignity", 2.5, "делов* репутаци*"), ("honor_dignity", 1.5, "моральн* вред*"),
        ("honor_dignity", 1.5, "иск"), ("honor_dignity", 1.5, "иска"), ("honor_dignity", 1.5, "иском"), ("honor_dignity", 1.5, "иску"),
        ("honor_dignity", 1.5, "иске"), ("honor_dignity", 1.5, "иски"), ("honor_dignity", 1.5, "исков"), ("honor_dignity", 1.5, "исков*"),
        ("honor_dignity", 1.5, "опроверж*"), ("honor_dignity", 1, "истец"), ("honor_dignity", 1, "ответчик*"),
        ("honor_dignity", 3, "ар намыс*"), ("honor_dignity", 2.5, "қадір қасиет*"), ("honor_dignity", 2.5, "іскерлік бедел*"),
        ("honor_dignity", 1.5, "моральдық зиян*"), ("honor_dignity", 1.5, "талап арыз*"), ("honor_dignity", 1.5, "талап қой*"),
        ("honor_dignity", 1, "теріске шығар*"),
        ("honor_dignity", 2, "honor"), ("honor_dignity", 2, "honour"), ("honor_dignity", 2, "dignity"),
        ("honor_dignity", 2.5, "business reputation"), ("honor_dignity", 1.5, "lawsuit*"), ("honor_dignity", 1.5, "sued"),
        ("honor_dignity", 1, "sues"), ("honor_dignity", 1.5, "moral damage*"), ("honor_dignity", 1.5, "non pecuniary"),
        ("honor_dignity", 1.5, "defamation"), ("honor_dignity", 1.5, "retraction"), ("honor_dignity", 1, "civil claim*"),
        ("honor_dignity", 1, "plaintiff"),
        ("honor_dignity", 1.5, "чест*"), ("honor_dignity", 2, "порочащ*"), ("honor_dignity", 1, "взыска*"),
        ("honor_dignity", 2, "ар намысына"), ("honor_dignity", 1.5, "абырой*"),
        (null, 0, "искусств*"), (null, 0, "искать"), (null, 0, "честн*"),

        // Denial of or delay in information.
        ("information_denial", 3, "отказ* информаци*"), ("information_denial", 2.5, "отказ* предоставлени*"),
        ("information_denial", 2, "отказ* комментари*"), ("information_denial", 1.5, "запрос*"), ("information_denial", 2, "ответ* запрос*"),
        ("information_denial", 1.5, "не ответил*"), ("information_denial", 1.5, "не предостав*"), ("information_denial", 1, "задержк*"),
        ("information_denial", 0.5, "информаци*"), ("information_denial", 0.5, "пресс служб*"), ("information_denial", 1, "отписк*"),
        ("information_denial", 3, "ақпарат* бас тарт*"), ("information_denial", 3, "акпарат* бас тарт*"), ("information_denial", 2, "сұрау* салу*"), ("information_denial", 1.5, "сауал*"),
        ("information_denial", 2, "жауап бермеді"), ("information_denial", 2, "жауап берген жоқ"), ("information_denial", 0.5, "ақпарат*"),
        ("information_denial", 1.5, "сұратқан"),
        ("information_denial", 3, "refus* information"), ("information_denial", 2.5, "refus* provide"), ("information_denial", 2, "information request*"),
        ("information_denial", 1.5, "request*"), ("information_denial", 1.5, "not respond*"), ("information_denial", 1.5, "declined comment*"),
        ("information_denial", 1.5, "denied access"), ("information_denial", 1, "access information"), ("information_denial", 0.5, "information"),
        ("information_denial", 1, "press service"),
        ("information_denial", 1.5, "inquir*"), ("information_denial", 1.5, "not answer*"), ("information_denial", 2, "answer* inquir*"),
        ("information_denial", 2, "не ответил* запрос*"), ("information_denial", 1.5, "не дал* ответ*"), ("information_denial", 1.5, "отказал* отвечать"),

        // Closed court hearings.
        ("closed_hearing", 3, "закрыт* заседани*"), ("closed_hearing", 2.5, "закрыт* режим*"), ("closed_hearing", 2.5, "закрыт* процесс*"),
        ("closed_hearing", 2.5, "закрыт* суд*"), ("closed_hearing", 2, "не пуст* зал*"), ("closed_hearing", 2, "не допуст* суд*"),
        ("closed_hearing", 2, "не допуст* заседани*"), ("closed_hearing", 1, "зал* суд*"), ("closed_hearing", 1, "судебн* заседани*"),
        ("closed_hearing", 3, "жабық сот*"), ("closed_hearing", 3, "жабық отырыс*"), ("closed_hearing", 3, "жабық режим*"), ("closed_hearing", 3, "отырыс* жабық"), ("closed_hearing", 1.5, "сот залына"), ("closed_hearing", 1, "жабық"), ("closed_hearing", 2, "сот залына жібер*"),
        ("closed_hearing", 3, "closed hearing*"), ("closed_hearing", 2.5, "closed court"), ("closed_hearing", 2.5, "closed doors"),
        ("closed_hearing", 2.5, "closed trial"), ("closed_hearing", 2, "not allowed courtroom"), ("closed_hearing", 1, "courtroom"),

        // Accreditation.
        ("accreditation", 3.5, "аккредит*"), ("accreditation", 3.5, "accredit*"), ("accreditation", 2, "пропуск* журналист*"), ("accreditation", 2.5, "отсутстви* пропуск*"), ("accreditation", 1, "пропуск*"),

        // Closure or suspension of media.
        ("media_closure", 2.5, "приостанов* выпуск*"), ("media_closure", 2.5, "приостанов* деятельност*"),
        ("media_closure", 2.5, "приостанов* вещани*"), ("media_closure", 2, "прекрат* выпуск*"), ("media_closure", 2, "прекрат* вещани*"),
        ("media_closure", 2.5, "закрыл* газет*"), ("media_closure", 2.5, "закрыт* газет*"), ("media_closure", 2.5, "закрыт* сми"),
        ("media_closure", 2.5, "закрыт* издани*"), ("media_closure", 2, "ликвидац*"), ("media_closure", 2, "ликвидир*"),
        ("media_closure", 2, "отозва* лицензи*"), ("media_closure", 2, "лишил* лицензи*"), ("media_closure", 2, "аннулир*"),
        ("media_closure", 1.5, "приостанов*"),
        ("media_closure", 2, "газет* жаб*"), ("media_closure", 2, "басылым* жаб*"), ("media_closure", 2, "тоқтат* шығар*"),
        ("media_closure", 1.5, "тоқтатыл*"), ("media_closure", 2, "хабар тарату* тоқтат*"),
        ("media_closure", 2, "suspend*"), ("media_closure", 2, "closed newspaper*"), ("media_closure", 2, "closure"),
        ("media_closure", 2, "revok* licen*"), ("media_closure", 2, "licen* revok*"), ("media_closure", 2, "liquidat*"),
        ("media_closure", 1.5, "shut down newspaper*"), ("media_closure", 1.5, "off air"),

        // Internet blocking and restrictions.
        ("internet_restriction", 3, "заблокир*"), ("internet_restriction", 2, "блокир*"), ("internet_restriction", 3, "блокировк*"),
        ("internet_restriction", 1.5, "недоступ*"), ("internet_restriction", 2, "vpn"), ("internet_restriction", 1, "интернет*"),
        ("internet_restriction", 2.5, "отключ* интернет*"), ("internet_restriction", 2.5, "интернет* отключ*"),
        ("internet_restriction", 1.5, "доступ* сайт*"), ("internet_restriction", 1.5, "ограничен* доступ*"), ("internet_restriction", 0.5, "сайт*"),
        ("internet_restriction", 1, "соцсет*"), ("internet_restriction", 1, "мессенджер*"),
        ("internet_restriction", 3, "бұғат*"), ("internet_restriction", 3, "бугат*"), ("internet_restriction", 1.5, "интернет* шектеу*"), ("internet_restriction", 1.5, "қолжетімсіз"),
        ("internet_restriction", 2, "blocked"), ("internet_restriction", 2.5, "blocking"), ("internet_restriction", 3, "block* site*"),
        ("internet_restriction", 3, "block* website*"), ("internet_restriction", 2, "block* access"), ("internet_restriction", 3, "internet shutdown*"),
        ("internet_restriction", 1.5, "shutdown*"), ("internet_restriction", 1.5, "restrict* access"), ("internet_restriction", 1.5, "inaccessib*"),
        ("internet_restriction", 1, "internet"), ("internet_restriction", 0.5, "website*"),

        // Legislation.
        ("legislation", 3.5, "законопроект*"), ("legislation", 1, "закон"), ("legislation", 1, "закона"), ("legislation", 1, "законе"),
        ("legislation", 1, "закону"), ("legislation", 1.5, "законом"), ("legislation", 1.5, "законов"), ("legislation", 1.5, "законы"),
        ("legislation", 2, "законодательств*"), ("legislation", 2, "поправк*"), ("legislation", 1.5, "мажилис*"), ("legislation", 1, "сенат*"),
        ("legislation", 1, "парламент*"), ("legislation", 1, "кодекс*"), ("legislation", 3, "проект* закон*"), ("legislation", 1, "депутат*"),
        ("legislation", 3.5, "заң жоба*"), ("legislation", 1.5, "заң"), ("legislation", 1.5, "заңы"), ("legislation", 1.5, "заңына"),
        ("legislation", 1.5, "заңға"), ("legislation", 1.5, "заңның"), ("legislation", 2.5, "заңнама*"), ("legislation", 2, "түзету*"),
        ("legislation", 1.5, "мәжіліс*"),
        ("legislation", 3.5, "draft law*"), ("legislation", 2, "bill"), ("legislation", 2, "amendment*"), ("legislation", 1, "law"),
        ("legislation", 1, "laws"), ("legislation", 2, "legislat*"), ("legislation", 1, "parliament*"), ("legislation", 1.5, "mazhilis"),
        ("legislation", 1, "draft"), ("legislation", 1, "deputies"),
        (null, 0, "законн*"),
    ];

    /// <summary>Words that make a report urgent in itself when it also names an urgent kind of violation.</summary>
    public static readonly string[] UrgencyMarkers =
        ["срочно", "срочная", "срочное", "сейчас", "прямо сейчас", "шұғыл", "қазір", "urgent", "urgently", "right now", "sos"];
}
