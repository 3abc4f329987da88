package nl.meedoen.datagen;

import java.util.List;
import java.util.SplittableRandom;

import nl.meedoen.platform.IsoCodes;
import nl.meedoen.residents.Category;

/**
 * Where the synthetic persons come from: the countries of origin of the people Dutch
 * municipalities house and guide, each with its languages (ISO 639), its common given and
 * family names, and how often each category occurs among them. The weights follow roughly
 * the recent intake of permit holders and family migrants plus the established migrant
 * communities; the names are common names, not people.
 */
final class Origins {

    /**
     * One country of origin.
     *
     * @param country ISO 3166-1 alpha-2
     * @param weight relative share among all persons
     * @param mainLanguages one of these is everyone's first language
     * @param otherLanguages each of these is spoken by some as well
     * @param men given names of men and boys
     * @param women given names of women and girls
     * @param families family names
     * @param categoryWeights relative shares of PERMIT_HOLDER, FAMILY_MIGRANT,
     * ESTABLISHED_MIGRANT and OTHER
     */
    record Origin(String country, int weight, List<String> mainLanguages, List<String> otherLanguages, List<String> men,
            List<String> women, List<String> families, int[] categoryWeights) {

        String man(SplittableRandom random) {
            return pick(men, random);
        }

        String woman(SplittableRandom random) {
            return pick(women, random);
        }

        String family(SplittableRandom random) {
            return pick(families, random);
        }

        Category category(SplittableRandom random) {
            return CATEGORIES[weighted(categoryWeights, random)];
        }
    }

    private static final Category[] CATEGORIES = { Category.PERMIT_HOLDER, Category.FAMILY_MIGRANT,
            Category.ESTABLISHED_MIGRANT, Category.OTHER };

    static final List<Origin> ALL = List.of(
            new Origin("SY", 27, List.of("ar"), List.of("ku", "en"),
                    List.of("Mohammed", "Ahmad", "Mahmoud", "Omar", "Khaled", "Yousef", "Ali", "Hassan", "Ibrahim",
                            "Abdullah", "Rami", "Samer", "Bashar", "Fadi", "Tarek", "Wael", "Ammar", "Ziad", "Hussein",
                            "Majd", "Abdul Rahman", "Anas", "Firas", "Hamza", "Louay"),
                    List.of("Fatima", "Aya", "Rania", "Hiba", "Nour", "Lama", "Rasha", "Maryam", "Huda", "Sara", "Reem",
                            "Dima", "Ghalia", "Amal", "Layla", "Yasmin", "Salma", "Zeinab", "Lina", "Hala", "Rahaf",
                            "Bayan", "Joud", "Sidra", "Ruba"),
                    List.of("Al-Hassan", "Al-Khatib", "Haddad", "Al-Ahmad", "Khalil", "Al-Ali", "Mansour", "Darwish",
                            "Al-Hamwi", "Kassab", "Al-Masri", "Najjar", "Halabi", "Al-Shami", "Hamdan", "Qassem",
                            "Al-Zoubi", "Sabbagh", "Al-Homsi", "Ibrahim", "Othman", "Saleh", "Youssef", "Al-Rifai",
                            "Al-Tawil", "Bakour", "Hijazi", "Shaheen", "Al-Kurdi", "Suleiman", "Abo Zeid",
                            "Al-Abdullah", "Kanaan", "Jaber", "Al-Hussein"),
                    new int[] { 70, 25, 3, 2 }),
            new Origin("ER", 14, List.of("ti"), List.of("tig", "ar", "en"),
                    List.of("Yonas", "Tesfay", "Semere", "Dawit", "Filmon", "Henok", "Mehari", "Berhane", "Kibrom",
                            "Amanuel", "Robel", "Samuel", "Habtom", "Tekle", "Goitom", "Biniam", "Merhawi", "Tesfalem",
                            "Yohannes", "Efrem"),
                    List.of("Senait", "Helen", "Selam", "Rahwa", "Saba", "Luwam", "Mebrat", "Yordanos", "Feven",
                            "Winta", "Hiwet", "Tsega", "Ruth", "Eden", "Kidan", "Segen", "Aster", "Milena", "Tirhas",
                            "Delina"),
                    List.of("Tesfamariam", "Gebremedhin", "Haile", "Berhe", "Tekle", "Ghebremichael", "Woldemariam",
                            "Kidane", "Asmelash", "Habte", "Mehari", "Negash", "Yohannes", "Tewelde", "Zerai", "Abraha",
                            "Gebreyesus", "Okbazghi", "Andemariam", "Fisehaye", "Ghebreselassie", "Measho", "Tesfu",
                            "Weldu", "Hagos"),
                    new int[] { 70, 28, 1, 1 }),
            new Origin("AF", 10, List.of("prs", "ps"), List.of("fa", "en"),
                    List.of("Ahmad", "Mohammad", "Abdul", "Mustafa", "Farid", "Hamid", "Javad", "Naveed", "Rahim",
                            "Sayed", "Shafiq", "Wahid", "Zabihullah", "Ehsan", "Jawad", "Abdul Qadir", "Mirwais",
                            "Nasir", "Qasim", "Sohrab"),
                    List.of("Zahra", "Fatima", "Mariam", "Nilofar", "Parwana", "Sima", "Shabnam", "Farzana", "Laila",
                            "Madina", "Nasrin", "Roya", "Soraya", "Tahmina", "Zarghuna", "Freshta", "Hasina", "Mursal",
                            "Nargis", "Shakila"),
                    List.of("Ahmadi", "Hakimi", "Karimi", "Noori", "Rahimi", "Sadat", "Safi", "Stanekzai", "Popal",
                            "Wardak", "Hashimi", "Mohammadi", "Amiri", "Jalali", "Sultani", "Azizi", "Habibi",
                            "Haidari", "Nazari", "Rezai", "Yousufzai", "Barakzai", "Hotak", "Mangal", "Niazi"),
                    new int[] { 75, 20, 3, 2 }),
            new Origin("TR", 10, List.of("tr"), List.of("ku", "en", "nl"),
                    List.of("Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre",
                            "Yusuf", "Ömer", "Burak", "Kemal", "Serkan", "Osman", "Erdem", "Gökhan", "Tolga", "Ercan",
                            "Volkan"),
                    List.of("Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Büşra", "Özlem", "Derya",
                            "Gül", "Sevgi", "Esra", "Hülya", "Yasemin", "Gülsüm", "Songül", "Tuğba", "Dilek", "Şeyma"),
                    List.of("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
                            "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
                            "Şimşek", "Polat", "Korkmaz", "Erdoğan", "Güneş", "Aksoy"),
                    new int[] { 20, 30, 45, 5 }),
            new Origin("YE", 4, List.of("ar"), List.of("en"),
                    List.of("Abdulrahman", "Saleh", "Nasser", "Fahd", "Hamza", "Mohammed", "Abdo", "Adel", "Fuad",
                            "Waleed", "Mujahid", "Ammar", "Nabil", "Yahya", "Tawfiq"),
                    List.of("Amal", "Arwa", "Bushra", "Afrah", "Samira", "Nadia", "Ebtisam", "Huda", "Wafa", "Safa",
                            "Abeer", "Manal", "Nawal", "Rabab", "Suad"),
                    List.of("Al-Hakimi", "Al-Amoudi", "Al-Sanabani", "Al-Eryani", "Al-Maqtari", "Ba-Abbad", "Al-Qadhi",
                            "Al-Saqqaf", "Al-Haddad", "Al-Yafei", "Al-Shaibani", "Al-Ahdal", "Al-Mekhlafi", "Al-Absi",
                            "Al-Hubaishi", "Al-Wazir", "Al-Muayad", "Bin Hussein"),
                    new int[] { 75, 20, 3, 2 }),
            new Origin("IR", 5, List.of("fa"), List.of("en", "az"),
                    List.of("Reza", "Ali", "Amir", "Mehdi", "Hossein", "Saeed", "Hamid", "Babak", "Kourosh", "Arash",
                            "Dariush", "Farhad", "Payam", "Kaveh", "Navid"),
                    List.of("Maryam", "Zahra", "Narges", "Shirin", "Leila", "Parisa", "Neda", "Samira", "Mahsa",
                            "Azadeh", "Roya", "Niloufar", "Fereshteh", "Golnaz", "Sahar"),
                    List.of("Hosseini", "Mohammadi", "Rezaei", "Ahmadi", "Moradi", "Karimi", "Jafari", "Rahimi",
                            "Hashemi", "Ghasemi", "Kazemi", "Sadeghi", "Tehrani", "Shirazi", "Esfahani", "Mousavi",
                            "Bagheri", "Nouri", "Sharifi", "Zamani"),
                    new int[] { 60, 20, 15, 5 }),
            new Origin("UA", 10, List.of("uk"), List.of("ru", "en"),
                    List.of("Oleksandr", "Andrii", "Dmytro", "Serhii", "Volodymyr", "Mykola", "Yurii", "Ivan", "Maksym",
                            "Vitalii", "Bohdan", "Taras", "Oleh", "Artem", "Denys"),
                    List.of("Olena", "Nataliia", "Tetiana", "Iryna", "Oksana", "Yuliia", "Kateryna", "Anastasiia",
                            "Svitlana", "Mariia", "Viktoriia", "Halyna", "Liudmyla", "Daryna", "Sofiia"),
                    List.of("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko",
                            "Kovalchuk", "Oliinyk", "Shevchuk", "Polishchuk", "Lysenko", "Savchenko", "Rudenko",
                            "Marchenko", "Moroz", "Petrenko", "Pavlenko", "Hnatiuk", "Kozak"),
                    new int[] { 5, 10, 5, 80 }),
            new Origin("SO", 5, List.of("so"), List.of("ar", "en"),
                    List.of("Abdi", "Abdullahi", "Mohamed", "Ahmed", "Hassan", "Ali", "Omar", "Yusuf", "Abdirahman",
                            "Farah", "Mahad", "Guled", "Abdiqani", "Bashir", "Liban"),
                    List.of("Hodan", "Fadumo", "Amina", "Sahra", "Asha", "Hawa", "Halima", "Ayaan", "Faadumo", "Ifrah",
                            "Sagal", "Nimco", "Deeqa", "Hibo", "Ubah"),
                    List.of("Abdi", "Ahmed", "Hassan", "Mohamed", "Ali", "Warsame", "Farah", "Jama", "Osman", "Ismail",
                            "Aden", "Hussein", "Yusuf", "Nur", "Egal", "Dirie", "Abdullahi", "Guled", "Hersi",
                            "Samatar"),
                    new int[] { 60, 25, 12, 3 }),
            new Origin("IQ", 5, List.of("ar"), List.of("ckb", "kmr", "en"),
                    List.of("Haider", "Mustafa", "Ali", "Hussein", "Karrar", "Ahmed", "Murtadha", "Sajjad", "Zaid",
                            "Omar", "Kawa", "Rebwar", "Saman", "Dler", "Hawkar"),
                    List.of("Zainab", "Fatima", "Noor", "Maryam", "Ruqaya", "Huda", "Sura", "Shilan", "Jwan", "Hana",
                            "Avin", "Dilan", "Sazan", "Shaima", "Tabarak"),
                    List.of("Al-Jubouri", "Al-Obaidi", "Al-Tamimi", "Al-Saadi", "Al-Dulaimi", "Al-Shammari",
                            "Al-Rubaie", "Al-Janabi", "Al-Khafaji", "Ahmed", "Mahmoud", "Rashid", "Karim", "Aziz",
                            "Qadir", "Salih", "Hama", "Mustafa", "Kakai", "Barzinji"),
                    new int[] { 55, 25, 17, 3 }),
            new Origin("MA", 10, List.of("ar"), List.of("fr", "nl", "en"),
                    List.of("Mohamed", "Youssef", "Abdelkader", "Mustapha", "Said", "Rachid", "Hicham", "Karim",
                            "Nordin", "Khalid", "Brahim", "Hamid", "Ayoub", "Bilal", "Soufiane"),
                    List.of("Fatima", "Khadija", "Naima", "Malika", "Samira", "Latifa", "Souad", "Nadia", "Houda",
                            "Siham", "Loubna", "Meryem", "Imane", "Ikram", "Salma"),
                    List.of("El Amrani", "Bennani", "El Idrissi", "Boukhari", "Ait Ali", "El Ouardi", "Azzouzi",
                            "Belhaj", "Chaoui", "El Khatib", "Haddouchi", "Ouali", "Tahiri", "Ziani", "Amrani",
                            "Bouzid", "El Ghazali", "Benali", "El Hamdaoui", "Bakkali"),
                    new int[] { 2, 38, 55, 5 }));

    private static final int[] WEIGHTS = ALL.stream().mapToInt(Origin::weight).toArray();

    static {
        for (Origin origin : ALL) {
            check(IsoCodes.isCountry(origin.country()), origin.country());
            origin.mainLanguages().forEach(code -> check(IsoCodes.isLanguage(code), code));
            origin.otherLanguages().forEach(code -> check(IsoCodes.isLanguage(code), code));
        }
    }

    private Origins() {
    }

    static Origin pick(SplittableRandom random) {
        return ALL.get(weighted(WEIGHTS, random));
    }

    static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    static int weighted(int[] weights, SplittableRandom random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static void check(boolean valid, String code) {
        if (!valid) {
            throw new IllegalStateException("Not an ISO code Meedoen accepts: " + code);
        }
    }

}
