package nl.meedoen.trajectories;

/**
 * What the person failed to do, blameworthily, for which art. 22 Wi2021 allows a fine:
 * take part in the broad intake, in drawing up the PIP, in the participation statement
 * trajectory (PVT), in the labour market and participation module (MAP), or in the
 * learning route offered.
 */
public enum FineGround {

    INTAKE, PIP, PVT, MAP, LEARNING_ROUTE

}
