namespace AdilSoz.Intake.Worker.Mail;

/// <summary>The words of the acknowledgement, per language. {0} is the reference, {1}/{2} sizes in MB.</summary>
public sealed record AcknowledgementTexts(string EmptySubject, string Body, string TooLarge)
{
    public static AcknowledgementTexts For(string language) => language switch
    {
        "kk" => Kazakh,
        "en" => English,
        _ => Russian,
    };

    public static AcknowledgementTexts Russian { get; } = new(
        "Ваше сообщение",
        """
        Здравствуйте!

        Спасибо, что написали в фонд «Әділ сөз». Ваше сообщение получено и зарегистрировано под номером {0}.

        Мы внимательно его изучим и при необходимости свяжемся с вами.
        {TOO_LARGE}
        Если захотите что-то добавить — новые подробности, документы, фотографии, — просто ответьте на это письмо. Пожалуйста, не удаляйте из темы номер [{0}]: по нему ваше письмо сразу попадёт к этому обращению.

        Это письмо отправлено автоматически.

        С уважением,
        Международный фонд защиты свободы слова «Әділ сөз»
        """,
        """

        Письмо оказалось слишком большим ({1} МБ при допустимых {2} МБ), поэтому вложения мы принять не смогли. Пришлите, пожалуйста, файлы в ответ на это письмо по частям или ссылкой на облачное хранилище.

        """);

    public static AcknowledgementTexts Kazakh { get; } = new(
        "Сіздің хатыңыз",
        """
        Сәлеметсіз бе!

        «Әділ сөз» қорына жазғаныңыз үшін рақмет. Хатыңыз қабылданып, {0} нөмірімен тіркелді.

        Біз оны мұқият қарап шығамыз, қажет болса, сізбен хабарласамыз.
        {TOO_LARGE}
        Тағы бірдеңе қосқыңыз келсе — жаңа мәліметтер, құжаттар, фотосуреттер, — осы хатқа жауап жазыңыз. Хат тақырыбындағы [{0}] нөмірін өшірмеуіңізді өтінеміз: сонда хатыңыз бірден осы өтінішке тіркеледі.

        Бұл хат автоматты түрде жіберілді.

        Құрметпен,
        Сөз бостандығын қорғау жөніндегі «Әділ сөз» халықаралық қоры
        """,
        """

        Хатыңыздың көлемі тым үлкен болып шықты ({1} МБ, ал рұқсат етілгені — {2} МБ), сондықтан тіркемелерді қабылдай алмадық. Файлдарды осы хатқа жауап ретінде бөліп-бөліп немесе бұлттық қоймаға сілтеме арқылы жіберуіңізді өтінеміз.

        """);

    public static AcknowledgementTexts English { get; } = new(
        "Your message",
        """
        Hello,

        Thank you for writing to the Adil Soz Foundation. We have received your message and registered it under the reference {0}.

        We will look into it carefully and get in touch with you if needed.
        {TOO_LARGE}
        If you would like to add anything — new details, documents or photos — simply reply to this email. Please keep [{0}] in the subject line: that way your reply goes straight to this report.

        This message was sent automatically.

        Kind regards,
        Adil Soz International Foundation for Protection of Freedom of Speech
        """,
        """

        Your email was too large ({1} MB; the limit is {2} MB), so we could not accept its attachments. Please send the files in a reply to this email in several parts, or as a link to a cloud storage service.

        """);
}
