import type {HeaderProps} from '../../components/header.js';

/** What the container hands every screen for its header. */
export type StepHeader = HeaderProps;
