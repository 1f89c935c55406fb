using AdilSoz.Intake.Admin.Localization;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>Texts of the login, two-factor, password and users pages, and of the reveal of an identity.</summary>
public static class AccountTexts
{
    public static void Register()
    {
        // One answer for a wrong password, an unknown address, a locked and a disabled account.
        UiText.Add("WrongLogin",
            "Войти не удалось: проверьте почту и пароль. После нескольких неудачных попыток подождите 15 минут.",
            "Кіру сәтсіз аяқталды: пошта мен құпиясөзді тексеріңіз. Бірнеше сәтсіз әрекеттен кейін 15 минут күтіңіз.",
            "Login failed: check the email and the password. After several failed attempts, wait 15 minutes.");
        UiText.Add("WrongCode", "Код не подошёл.", "Код сәйкес келмеді.", "The code did not work.");
        UiText.Add("TwoFactorLogin", "Код подтверждения", "Растау коды", "Verification code");
        UiText.Add("TwoFactorPrompt", "Введите шестизначный код из приложения-аутентификатора.", "Аутентификатор қолданбасындағы алты таңбалы кодты енгізіңіз.",
            "Enter the six-digit code from your authenticator app.");
        UiText.Add("AuthenticatorCode", "Код", "Код", "Code");
        UiText.Add("RecoveryCodeHint", "Нет телефона? Введите один из кодов восстановления: каждый действует один раз.",
            "Телефон жоқ па? Қалпына келтіру кодтарының бірін енгізіңіз: әрқайсысы бір рет жарамды.",
            "No phone at hand? Enter one of your recovery codes instead: each works once.");
        UiText.Add("TwoFactorSetup", "Двухфакторный вход", "Екі факторлы кіру", "Two-factor login");
        UiText.Add("TwoFactorEnabled", "Двухфакторный вход включён.", "Екі факторлы кіру қосылды.", "Two-factor login is on.");
        UiText.Add("RecoveryCodes", "Коды восстановления", "Қалпына келтіру кодтары", "Recovery codes");
        UiText.Add("RecoveryCodesOnce", "Сохраните их сейчас в надёжном месте: они показываются один раз. Каждый код заменяет код из приложения один раз.",
            "Оларды қазір сенімді жерге сақтаңыз: олар бір рет көрсетіледі. Әр код қолданба кодын бір рет алмастырады.",
            "Keep them now somewhere safe: they are shown only once. Each one replaces an app code once.");
        UiText.Add("RecoveryCodesLeft", "Осталось кодов восстановления", "Қалған қалпына келтіру кодтары", "Recovery codes left");
        UiText.Add("TwoFactorResetHint", "Потеряли телефон и коды? Администратор может сбросить второй фактор; при следующем входе вы подключите его заново.",
            "Телефон мен кодтарды жоғалттыңыз ба? Әкімші екінші факторды қалпына келтіре алады; келесі кіргенде оны қайта қосасыз.",
            "Lost the phone and the codes? An administrator can reset the second factor; you set it up again at the next login.");
        UiText.Add("TwoFactorRequiredText", "Ваша роль требует входа с кодом из приложения-аутентификатора (FreeOTP, Aegis, Google Authenticator и др.).",
            "Сіздің рөліңіз аутентификатор қолданбасының кодымен кіруді талап етеді (FreeOTP, Aegis, Google Authenticator т.б.).",
            "Your role requires logging in with a code from an authenticator app (FreeOTP, Aegis, Google Authenticator and others).");
        UiText.Add("TwoFactorStepScan", "Отсканируйте QR-код в приложении.", "Қолданбада QR-кодты сканерлеңіз.", "Scan the QR code with the app.");
        UiText.Add("TwoFactorKeyText", "Или введите ключ:", "Немесе кілтті енгізіңіз:", "Or type the key:");
        UiText.Add("TwoFactorStepCode", "Введите код, который показывает приложение.", "Қолданба көрсеткен кодты енгізіңіз.", "Enter the code the app shows.");
        UiText.Add("Confirm", "Подтвердить", "Растау", "Confirm");
        UiText.Add("Continue", "Продолжить", "Жалғастыру", "Continue");
        UiText.Add("ChangePassword", "Смена пароля", "Құпиясөзді өзгерту", "Change password");
        UiText.Add("ChangePasswordRequired", "Перед началом работы задайте свой пароль.", "Жұмысты бастамас бұрын өз құпиясөзіңізді орнатыңыз.",
            "Before you start, choose your own password.");
        UiText.Add("CurrentPassword", "Текущий пароль", "Ағымдағы құпиясөз", "Current password");
        UiText.Add("NewPassword", "Новый пароль (от 12 символов)", "Жаңа құпиясөз (12 таңбадан)", "New password (12 characters or more)");
        UiText.Add("RepeatPassword", "Новый пароль ещё раз", "Жаңа құпиясөз тағы бір рет", "New password again");
        UiText.Add("PasswordsDiffer", "Новые пароли не совпадают.", "Жаңа құпиясөздер сәйкес емес.", "The new passwords differ.");
        UiText.Add("PasswordSame", "Новый пароль должен отличаться от текущего.", "Жаңа құпиясөз ағымдағысынан өзгеше болуы керек.",
            "The new password must differ from the current one.");
        UiText.Add("WrongPassword", "Текущий пароль неверен.", "Ағымдағы құпиясөз қате.", "The current password is wrong.");
        UiText.Add("PasswordTooWeak", "Пароль слишком короткий: нужно не меньше 12 символов.", "Құпиясөз тым қысқа: кемінде 12 таңба керек.",
            "The password is too short: 12 characters or more.");
        UiText.Add("TwoFactor", "Второй фактор", "Екінші фактор", "Second factor");
        UiText.Add("State", "Состояние", "Күйі", "State");
        UiText.Add("Active", "активен", "белсенді", "active");
        UiText.Add("DisabledState", "отключён", "өшірілген", "disabled");
        UiText.Add("On", "есть", "бар", "on");
        UiText.Add("Off", "нет", "жоқ", "off");
        UiText.Add("Disable", "Отключить", "Өшіру", "Disable");
        UiText.Add("Enable", "Включить", "Қосу", "Enable");
        UiText.Add("ResetTwoFactor", "Сбросить второй фактор", "Екінші факторды қалпына келтіру", "Reset second factor");
        UiText.Add("ResetPassword", "Сбросить пароль", "Құпиясөзді қалпына келтіру", "Reset password");
        UiText.Add("NewPasswordOnce", "Временный пароль (показан один раз; при входе пользователь задаст свой):",
            "Уақытша құпиясөз (бір рет көрсетіледі; кірген кезде пайдаланушы өзінікін орнатады):",
            "Temporary password (shown once; the user chooses their own at login):");
        UiText.Add("NotYourself", "Свою учётную запись так изменить нельзя.", "Өз тіркелгіңізді бұлай өзгертуге болмайды.", "You cannot do this to your own account.");
        UiText.Add("UserChanged", "Готово: сеансы пользователя завершены.", "Дайын: пайдаланушы сеанстары аяқталды.", "Done: the user's sessions have ended.");
        UiText.Add("RevealIdentity", "Показать личность", "Жеке басын көрсету", "Reveal identity");
        UiText.Add("RevealReason", "Зачем (записывается в журнал)", "Не үшін (журналға жазылады)", "Why (recorded in the audit log)");
        UiText.Add("RevealReasonRequired", "Укажите причину.", "Себебін көрсетіңіз.", "Give a reason.");
        UiText.Add("Action.reveal", "Раскрыта личность автора", "Автордың жеке басы ашылды", "Reporter identity revealed");
        UiText.Add("Action.user.disable", "Пользователь отключён", "Пайдаланушы өшірілді", "User disabled");
        UiText.Add("Action.user.enable", "Пользователь включён", "Пайдаланушы қосылды", "User enabled");
        UiText.Add("Action.user.reset-2fa", "Сброшен второй фактор", "Екінші фактор қалпына келтірілді", "Second factor reset");
        UiText.Add("Action.user.reset-password", "Сброшен пароль", "Құпиясөз қалпына келтірілді", "Password reset");
        UiText.Add("Action.user.enrol-2fa", "Подключён второй фактор", "Екінші фактор қосылды", "Second factor set up");
        UiText.Add("Action.user.change-password", "Пароль изменён", "Құпиясөз өзгертілді", "Password changed");
    }
}
