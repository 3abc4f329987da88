package nl.meedoen.plans;

/** The four language skills, each followed on its own. */
public enum Skill {

    READING, LISTENING, WRITING, SPEAKING

}
