import { PROJECT_CONFIG_TEXT, synthAll } from '../helpers/synth';

/**
 * Reviewed artefacts: the stacks of the project's own platform.yaml (what `npm run synth` writes). A change to the
 * configuration or the code shows up here as a diff to read in review (`npm run review` summarizes it); accept it
 * with `npm run test:update`. Behaviour is asserted by the other tests, on a fixed copy of the example.
 */
describe('default stacks', () => {
  const stacks = synthAll(PROJECT_CONFIG_TEXT);
  test.each(Object.keys(stacks))('%s', (name) => {
    expect(stacks[name]).toMatchSnapshot();
  });
});
