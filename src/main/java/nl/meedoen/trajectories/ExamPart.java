package nl.meedoen.trajectories;

/**
 * The exam parts of the civic integration: the four language skills and knowledge of
 * Dutch society (KNM).
 */
public enum ExamPart {

    READING, LISTENING, WRITING, SPEAKING, KNM

}
