using AdilSoz.Intake.Admin.Localization;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>Texts of the queue, submission and audit pages in Russian, Kazakh and English.</summary>
public static class ModerationTexts
{
    public static void Register()
    {
        Add("Audit", "Журнал действий", "Әрекеттер журналы", "Audit log");
        Add("BackToQueue", "К очереди", "Кезекке оралу", "Back to the queue");
        Add("Urgent", "Срочно", "Шұғыл", "Urgent");
        Add("SenderNotVerified", "Отправитель не подтверждён", "Жіберуші расталмаған", "Sender not verified");
        Add("Mentions", "упоминает {0}", "{0} туралы айтады", "mentions {0}");
        Add("Mentions.Label", "Упоминает сообщение другого автора", "Басқа автордың хабарламасын атайды", "Mentions another reporter's report");
        Add("ReplyTo", "Reply-To (ответ не отправляется)", "Reply-To (жауап жіберілмейді)", "Reply-To (never answered)");
        Add("SenderVerificationOff",
            "Отправители писем не проверяются: у Worker не задан Mailbox:TrustedAuthServId. Каждое письмо становится сообщением нового автора, кроме ответов на нашу переписку.",
            "Хат жіберушілер тексерілмейді: Worker-де Mailbox:TrustedAuthServId берілмеген. Біздің хат алмасуға жауаптардан басқа әр хат жаңа автордың хабарламасы болады.",
            "Mail senders are not verified: the Worker has no Mailbox:TrustedAuthServId. Every mail becomes a report of a new reporter, except replies to our own mail.");
        Add("UrgentCount", "срочных", "шұғыл", "urgent");
        Add("WaitingForReporter", "Ждём ответа автора", "Автордың жауабын күтуде", "Waiting for the reporter");
        Add("WaitingCount", "ждут ответа автора", "автордың жауабын күтуде", "waiting for the reporter");
        Add("NeedsAttention", "Требуют внимания", "Назар аударуды қажет етеді", "Needs attention");
        Add("NeedsAttentionCount", "требуют внимания", "назар аударуды қажет етеді", "need attention");
        Add("All", "Все", "Барлығы", "All");
        Add("Any", "Любой", "Кез келген", "Any");
        Add("Category", "Категория", "Санат", "Category");
        Add("Region", "Регион", "Өңір", "Region");
        Add("Age", "Возраст", "Жасы", "Age");
        Add("OlderThanDays", "старше {0} дн.", "{0} күннен асқан", "older than {0} days");
        Add("Filter", "Показать", "Көрсету", "Apply");
        Add("ResetFilters", "Сбросить фильтры", "Сүзгілерді тазарту", "Reset filters");
        Add("PlusSimilar", "+{0} похожих", "+{0} ұқсас", "+{0} similar");
        Add("NewAnswers", "ответов: {0}", "жауап: {0}", "{0} new answers");
        Add("HeldBy", "Взято:", "Алған:", "Held by");
        Add("HeldByYou", "Вы работаете с этим сообщением до", "Сіз бұл хабарламамен мына уақытқа дейін жұмыс істейсіз:", "You hold this item until");
        Add("You", "вами", "сіз", "you");
        Add("Until", "до", "дейін", "until");
        Add("TakeOver", "Забрать себе", "Өзіме алу", "Take over");
        Add("Release", "Отпустить", "Босату", "Release");
        Add("NextPage", "Дальше", "Келесі", "Next");
        Add("Followup", "Дополнение", "Толықтыру", "Follow-up");
        Add("QuotedText", "Цитата и подпись", "Дәйексөз және қолтаңба", "Quoted text and signature");
        Add("Provenance", "Происхождение", "Шығу тегі", "Provenance");
        Add("Kind", "Тип", "Түрі", "Kind");
        Add("ForwardedFrom", "Переслано из", "Қайдан жіберілді", "Forwarded from");
        Add("ForwardedFromHidden", "Скрыто (видят только администраторы)", "Жасырын (тек әкімшілер көреді)", "Hidden (only Admins see it)");
        Add("QuotedTextHidden", "Цитата и подпись скрыты: в них могут быть имя и контакты, их видят только администраторы.",
            "Дәйексөз бен қолтаңба жасырын: оларда аты мен байланыс деректері болуы мүмкін, оларды тек әкімшілер көреді.",
            "The quoted text and signature are hidden: they may carry names and contacts, and only Admins see them.");
        Add("OccurredOn", "Дата события", "Оқиға күні", "Date of the event");
        Add("Place", "Место", "Орны", "Place");
        Add("AttentionReason", "Почему требует внимания", "Неге назар қажет", "Why it needs attention");
        Add("Reporter", "Автор", "Автор", "Reporter");
        Add("Anonymous", "Анонимно", "Анонимді", "Anonymous");
        Add("ReporterHidden", "Скрыт (автор не разрешил называть себя или ваша роль не позволяет)", "Жасырын (автор атын атауға рұқсат бермеген немесе рөліңіз мүмкіндік бермейді)", "Hidden (the reporter did not allow naming, or your role may not see it)");
        Add("Unreachable", "недоступен", "қолжетімсіз", "unreachable");
        Add("Incident", "Инцидент", "Оқиға", "Incident");
        Add("RejectReason", "Причина отклонения", "Қабылдамау себебі", "Reason for rejection");
        Add("Note", "Примечание", "Ескертпе", "Note");
        Add("Suggestions", "Подсказки", "Ұсыныстар", "Suggestions");
        Add("Why", "почему", "неге", "why");
        Add("Settlement", "Населённый пункт", "Елді мекен", "Settlement");
        Add("Thread", "Переписка", "Хат алмасу", "Thread");
        Add("Cluster", "Похожие сообщения", "Ұқсас хабарламалар", "Similar reports");
        Add("WhySame", "Почему вместе", "Неге бірге", "Why together");
        Add("NoExplanation", "объединено вручную или без пояснения", "қолмен немесе түсініктемесіз біріктірілген", "grouped by hand or without an explanation");
        Add("History", "История", "Тарих", "History");
        Add("NoHistory", "Записей пока нет.", "Әзірге жазба жоқ.", "Nothing recorded yet.");
        Add("Actions", "Решение", "Шешім", "Decision");
        Add("ApproveNew", "Одобрить как новый инцидент", "Жаңа оқиға ретінде мақұлдау", "Approve as a new incident");
        Add("ApproveNewButton", "Создать инцидент", "Оқиға құру", "Create the incident");
        Add("Title", "Заголовок", "Тақырып", "Title");
        Add("Victims", "Пострадавшие", "Зардап шеккендер", "Victims");
        Add("Outlets", "СМИ", "БАҚ", "Outlets");
        Add("VictimsMayBeNamed", "Пострадавшие согласились, чтобы их называли", "Зардап шеккендер аттарын атауға келісті", "The victims agreed to be named");
        Add("OnePerLine", "по одному в строке", "әр жолға біреуден", "one per line");
        Add("Summary", "Краткое описание", "Қысқаша сипаттама", "Summary");
        Add("NoteToReporter", "Сообщение автору (необязательно)", "Авторға хабар (міндетті емес)", "Message to the reporter (optional)");
        Add("WholeCluster", "Одобрить вместе с похожими сообщениями", "Ұқсас хабарламалармен бірге мақұлдау", "Approve the similar reports with it");
        Add("AttachExisting", "Присоединить к существующему инциденту", "Бар оқиғаға қосу", "Attach to an existing incident");
        Add("SearchText", "Слова", "Сөздер", "Words");
        Add("From", "С", "Бастап", "From");
        Add("To", "По", "Дейін", "To");
        Add("Search", "Найти", "Іздеу", "Search");
        Add("ClusterIncident", "инцидент похожего сообщения", "ұқсас хабарламаның оқиғасы", "incident of a similar report");
        Add("NothingFound", "Ничего не найдено.", "Ештеңе табылмады.", "Nothing found.");
        Add("AttachButton", "Присоединить", "Қосу", "Attach");
        Add("Reject", "Отклонить", "Қабылдамау", "Reject");
        Add("RejectButton", "Отклонить", "Қабылдамау", "Reject");
        Add("MessageToReporter", "Сообщение автору (необязательно)", "Авторға хабар (міндетті емес)", "Message to the reporter (optional)");
        Add("AskReporter", "Задать вопрос автору", "Авторға сұрақ қою", "Ask the reporter");
        Add("Question", "Вопрос", "Сұрақ", "Question");
        Add("AskHint", "Уйдёт по каналу автора с номером сообщения; ответ появится в переписке, и сообщение вернётся в очередь.",
            "Автордың арнасы арқылы хабарлама нөмірімен жіберіледі; жауап хат алмасуда көрінеді, хабарлама кезекке оралады.",
            "Goes out over the reporter's channel with the reference; the answer appears in the thread and the item returns to the queue.");
        Add("AskButton", "Отправить вопрос", "Сұрақты жіберу", "Send the question");
        Add("CannotAsk", "Автору нельзя написать: он анонимен, удалил данные или недоступен.", "Авторға жазу мүмкін емес: ол анонимді, деректерін өшірген немесе қолжетімсіз.", "The reporter cannot be written to: anonymous, deleted or unreachable.");
        Add("Split", "Убрать из группы похожих", "Ұқсастар тобынан шығару", "Split out of the cluster");
        Add("SplitHint", "Если сообщение не о том же событии, оно станет отдельным.", "Хабарлама басқа оқиға туралы болса, ол бөлек болады.", "If this report is about another event, it becomes a separate item.");
        Add("SplitButton", "Убрать из группы", "Топтан шығару", "Split it out");
        Add("Who", "Кто", "Кім", "Who");
        Add("What", "Что", "Не", "What");
        Add("When", "Когда", "Қашан", "When");
        Add("Object", "Объект", "Нысан", "Object");
        Add("WhyColumn", "Почему", "Неге", "Why");
        Add("Details", "Подробности", "Толығырақ", "Details");
        Add("SubmissionId", "№ сообщения", "Хабарлама №", "Submission id");

        AddAll("Status.", [("Received", "Получено", "Алынды", "Received"), ("Pending", "В очереди", "Кезекте", "Pending"),
            ("NeedsAttention", "Требует внимания", "Назар қажет", "Needs attention"), ("Approved", "Одобрено", "Мақұлданды", "Approved"),
            ("Rejected", "Отклонено", "Қабылданбады", "Rejected"), ("Ignored", "Не сообщение", "Хабарлама емес", "Ignored")]);
        AddAll("Channel.", [("Telegram", "Telegram", "Telegram", "Telegram"), ("Email", "Почта", "Пошта", "Email"), ("Web", "Сайт", "Сайт", "Web")]);
        AddAll("Kind.", [("Report", "Сообщение", "Хабарлама", "Report"), ("Followup", "Дополнение", "Толықтыру", "Follow-up"),
            ("AutoReply", "Автоответ", "Автожауап", "Auto-reply"), ("Bounce", "Недоставка", "Жеткізілмеді", "Bounce"),
            ("Bulk", "Рассылка", "Жаппай тарату", "Bulk"), ("Spam", "Спам", "Спам", "Spam")]);
        AddAll("Reason.", [("Spam", "Спам", "Спам", "Spam"), ("OutOfScope", "Не по профилю фонда", "Қордың бейініне жатпайды", "Out of scope"),
            ("Insufficient", "Недостаточно сведений", "Мәлімет жеткіліксіз", "Insufficient information"), ("Other", "Другое", "Басқа", "Other")]);
        AddAll("Level.", [("Suggested", "возможно", "мүмкін", "possible"), ("SameEvent", "то же событие", "сол оқиға", "same event"),
            ("Exact", "точный дубль", "дәл көшірме", "exact duplicate"), ("Confirmed", "подтверждено", "расталды", "confirmed")]);
        AddAll("Message.", [("Acknowledgement", "Подтверждение", "Растау", "Acknowledgement"), ("Question", "Вопрос автору", "Авторға сұрақ", "Question to the reporter"),
            ("Decision", "Решение автору", "Авторға шешім", "Decision to the reporter"), ("Notice", "Уведомление", "Хабарлама", "Notice"),
            ("ModeratorAlert", "Сигнал мониторам", "Мониторларға белгі", "Alert to monitors"), ("Digest", "Сводка", "Жиынтық", "Digest")]);
        AddAll("Outbound.", [("Queued", "в очереди на отправку", "жіберу кезегінде", "queued"), ("Sent", "отправлено", "жіберілді", "sent"),
            ("Failed", "ошибка", "қате", "failed"),
            ("Sending", "отправляется", "жіберілуде", "being sent"),
            ("Unconfirmed", "отправка прервана: возможно, не дошло (повторно не отправляется)", "жіберу үзілді: жетпеуі мүмкін (қайта жіберілмейді)", "sending interrupted: may not have arrived (not sent again)"),
            ("Suppressed", "не отправлялось (аноним или недоступен)", "жіберілмеді (анонимді не қолжетімсіз)", "not sent (anonymous or unreachable)")]);
        AddAll("Attachment.", [("Pending", "ещё загружается", "әлі жүктелуде", "still downloading"), ("Stored", "сохранено", "сақталды", "stored"),
            ("TooLarge", "слишком большой", "тым үлкен", "too large"), ("Failed", "не удалось загрузить", "жүктеу сәтсіз", "download failed")]);
        AddAll("Action.", [("approve", "одобрил(а)", "мақұлдады", "approved"), ("reject", "отклонил(а)", "қабылдамады", "rejected"),
            ("split", "убрал(а) из группы", "топтан шығарды", "split out of the cluster"), ("ask", "задал(а) вопрос автору", "авторға сұрақ қойды", "asked the reporter"),
            ("take_over", "забрал(а) себе", "өзіне алды", "took over"), ("incident.create", "создал(а) инцидент", "оқиға құрды", "created an incident"),
            ("demo.load", "загрузил(а) демо-данные", "демо деректерді жүктеді", "loaded the demo data")]);
        AddAll("Flash.", [("Approved", "Инцидент создан, сообщение одобрено.", "Оқиға құрылды, хабарлама мақұлданды.", "Incident created; the report is approved."),
            ("Attached", "Сообщение присоединено к инциденту.", "Хабарлама оқиғаға қосылды.", "The report is attached to the incident."),
            ("Rejected", "Сообщение отклонено.", "Хабарлама қабылданбады.", "The report is rejected."),
            ("SplitDone", "Сообщение убрано из группы.", "Хабарлама топтан шығарылды.", "The report is split out of its cluster."),
            ("Asked", "Вопрос поставлен в очередь на отправку автору.", "Сұрақ авторға жіберу кезегіне қойылды.", "The question is queued to the reporter.")]);
        AddAll("Lang.", [("kk", "казахский", "қазақша", "Kazakh"), ("ru", "русский", "орысша", "Russian"), ("en", "английский", "ағылшынша", "English"),
            ("none", "не определён", "анықталмаған", "unknown")]);
    }

    private static void Add(string key, string ru, string kk, string en) => UiText.Add(key, ru, kk, en);

    private static void AddAll(string prefix, (string Key, string Ru, string Kk, string En)[] texts)
    {
        foreach (var t in texts)
        {
            UiText.Add(prefix + t.Key, t.Ru, t.Kk, t.En);
        }
    }
}
