// The organisation module's public face: other modules import only from here.
export {
  findPersonForLogin,
  getMe,
  getPasswordHash,
  loadActor,
  setLanguage,
  setPasswordHash,
} from './actors.ts';
