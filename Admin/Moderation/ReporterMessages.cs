using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>What the reporter is told about a decision or asked by a monitor, in kk, ru or en.</summary>
public static class ReporterMessages
{
    public static (string Subject, string Body) Approved(string language, string reference, string? note) => language switch
    {
        "kk" => ($"[{reference}] Хабарламаңыз тіркелді",
            $"{reference} хабарламаңыз қаралып, «Әділ сөз» қорының бұзушылықтар тізіліміне енгізілді. Рақмет!{Note(note)}"),
        "en" => ($"[{reference}] Your report was recorded",
            $"Your report {reference} was reviewed and recorded in the Adil Soz foundation's registry of violations. Thank you!{Note(note)}"),
        _ => ($"[{reference}] Ваше сообщение учтено",
            $"Ваше сообщение {reference} рассмотрено и внесено в реестр нарушений фонда «Әділ сөз». Спасибо!{Note(note)}"),
    };

    public static (string Subject, string Body) Rejected(string language, string reference, RejectReason reason, string? note)
    {
        var why = Reason(language, reason);
        return language switch
        {
            "kk" => ($"[{reference}] Хабарламаңыз қаралды",
                $"{reference} хабарламаңыз қаралды, бірақ тізілімге енгізілмеді: {why}.{Note(note)}"),
            "en" => ($"[{reference}] Your report was reviewed",
                $"Your report {reference} was reviewed but not recorded in the registry: {why}.{Note(note)}"),
            _ => ($"[{reference}] Ваше сообщение рассмотрено",
                $"Ваше сообщение {reference} рассмотрено, но не внесено в реестр: {why}.{Note(note)}"),
        };
    }

    public static (string Subject, string Body) Question(string language, string reference, string question) => language switch
    {
        "kk" => ($"[{reference}] Мониторда сұрақ бар",
            $"{reference} хабарламаңыз бойынша «Әділ сөз» мониторының сұрағы:\n\n{question}\n\nОсы хабарламаға жауап беріңіз ({reference} нөмірін сақтаңыз)."),
        "en" => ($"[{reference}] A question about your report",
            $"A monitor of the Adil Soz foundation has a question about your report {reference}:\n\n{question}\n\nPlease reply to this message (keep the reference {reference})."),
        _ => ($"[{reference}] Вопрос по вашему сообщению",
            $"У монитора фонда «Әділ сөз» вопрос по вашему сообщению {reference}:\n\n{question}\n\nОтветьте, пожалуйста, на это сообщение (сохраните номер {reference})."),
    };

    public static string Reason(string language, RejectReason reason) => (language, reason) switch
    {
        ("kk", RejectReason.Spam) => "спам",
        ("kk", RejectReason.OutOfScope) => "қордың жұмыс аясына жатпайды",
        ("kk", RejectReason.Insufficient) => "мәлімет жеткіліксіз",
        ("kk", _) => "басқа себеп",
        ("en", RejectReason.Spam) => "spam",
        ("en", RejectReason.OutOfScope) => "outside the foundation's scope",
        ("en", RejectReason.Insufficient) => "not enough information",
        ("en", _) => "another reason",
        (_, RejectReason.Spam) => "спам",
        (_, RejectReason.OutOfScope) => "не относится к работе фонда",
        (_, RejectReason.Insufficient) => "недостаточно сведений",
        _ => "другая причина",
    };

    private static string Note(string? note) => string.IsNullOrWhiteSpace(note) ? "" : "\n\n" + note.Trim();
}
