import { Testing } from 'cdktf';
import { nativeGlobal } from './helpers/native-modules';

// cdktf is shared by the test files of a worker and looks for `expect` on its own global (helpers/native-modules.js).
nativeGlobal().expect = expect;
Testing.setupJest();
