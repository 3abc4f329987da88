package nl.meedoen.plans;

/**
 * Where a person's income comes from; social assistance is paid by the regional social
 * service.
 */
public enum IncomeSource {

    SOCIAL_ASSISTANCE, WAGES, STUDY_FINANCE, OTHER, NONE

}
