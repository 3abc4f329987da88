package nl.meedoen.referrals;

/**
 * The data of a person that a referral may share with the partner; the caseworker chooses
 * the set.
 */
public enum SharedField {

    NAME, DATE_OF_BIRTH, PHONE, EMAIL, ADDRESS, LANGUAGES

}
